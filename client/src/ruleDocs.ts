// Rule documentation that works offline: the extension ships docs/vsix/rules.md (Russian first),
// and every diagnostic's rule link (its `code` target, from the server's codeDescription) is
// pointed at the rule's heading in that file, so a click in Problems or the hover opens it in
// VS Code even on a closed network.
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';

export const RULE_DOCS_FILE = 'docs/vsix/rules.md';

export class RuleDocs {
  private readonly lines = new Map<string, number>();
  private readonly file: vscode.Uri;

  constructor(context: vscode.ExtensionContext) {
    this.file = vscode.Uri.file(context.asAbsolutePath(RULE_DOCS_FILE));
    let text = '';
    try {
      text = readFileSync(this.file.fsPath, 'utf8');
    } catch {
      return; // no bundled page: links stay as the server made them
    }
    text.split('\n').forEach((line, i) => {
      const m = /<a id="rro-([a-z-]+)"><\/a>/.exec(line);
      // the heading follows the anchor line; fragments count lines from 1
      if (m) this.lines.set(`rro/${m[1]}`, i + 2);
    });
  }

  /** The bundled page at the rule's heading, or undefined for rules it does not describe. */
  target(rule: string): vscode.Uri | undefined {
    const line = this.lines.get(rule);
    return line ? this.file.with({ fragment: `L${line}` }) : undefined;
  }

  /** Points each diagnostic's rule link at the bundled page (in place). */
  relink(diagnostics: vscode.Diagnostic[]): vscode.Diagnostic[] {
    for (const d of diagnostics) {
      const value = typeof d.code === 'object' && d.code !== null ? d.code.value : d.code;
      const target = typeof value === 'string' ? this.target(value) : undefined;
      if (target && value !== undefined) d.code = { value, target };
    }
    return diagnostics;
  }
}
