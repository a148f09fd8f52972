// The client's messages in the UI language: `l10n.t` as vscode.l10n.t (English text as the
// key, `{0}` placeholders), reading l10n/bundle.l10n.<lang>.json from the extension folder on
// first use. The manifest has no `l10n` field on purpose: VS Code would then fetch the bundle
// through the workbench before loading our code, and that wait is counted (often seconds while
// other extensions start) in the activation time «Running Extensions» shows.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

let bundle: Record<string, string> | undefined;

function load(): Record<string, string> {
  if (bundle) return bundle;
  bundle = {};
  const lang = vscode.env.language.toLowerCase();
  // this file is bundled into dist/*.js: the extension folder is one up
  const dir = path.join(__dirname, '..', 'l10n');
  for (const name of [`bundle.l10n.${lang}.json`, `bundle.l10n.${lang.split('-')[0]}.json`]) {
    try {
      const parsed: unknown = JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
      if (typeof parsed === 'object' && parsed !== null) bundle = parsed as Record<string, string>;
      break;
    } catch {
      // no bundle for this language: English
    }
  }
  return bundle;
}

export const l10n = {
  t(message: string, ...args: (string | number | boolean)[]): string {
    const text = load()[message] ?? message;
    return text.replace(/\{(\d+)\}/g, (whole, i: string) => {
      const v = args[Number(i)];
      return v === undefined ? whole : String(v);
    });
  },
};
