// «РРО: проверить ZIP-архив»: every entry of an archive through `rro check`'s own code
// (runCheck: the defensive ZIP reader, limits against `..` names and zip bombs, the engine).
// Problems go to the Problems panel on read-only `rro-zip:` documents, so a click opens the
// entry with its squiggles; problems of the archive itself sit on the .zip file.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { l10n } from '../l10n';
import {
  ZipReader,
  type CliDiagnostic,
  runCheck,
  decodeBytes,
  escapeControl,
  type Severity,
} from '../../../server/src/core';
import { checkOptionsFor, uiLang } from './engineOptions';
import type { ClientServices } from './index';
import { formatCount } from '../format';

export const CHECK_ARCHIVE_COMMAND = 'rro.checkArchive';
const SCHEME = 'rro-zip';

export interface ArchiveCheckSummary {
  entries: number;
  errors: number;
  warnings: number;
}

/** `rro-zip:/<archive name>/<entry>?<archive path>`: the entry's name shows in Problems. */
export function entryUri(archive: string, entry: string): vscode.Uri {
  return vscode.Uri.from({ scheme: SCHEME, path: `/${path.basename(archive)}/${entry}`, query: archive });
}

class EntryContent implements vscode.TextDocumentContentProvider {
  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const archive = uri.query;
    const entry = uri.path.slice(path.basename(archive).length + 2);
    // Read at positions with the same limits as the check, never the whole archive.
    const zip = ZipReader.openFile(archive);
    try {
      const found = zip.entries.find((e) => e.name === entry);
      if (!found) throw new Error(`${path.basename(archive)}: no entry ${escapeControl(entry)}`);
      return decodeBytes(zip.read(found)).text;
    } finally {
      zip.close();
    }
  }
}

const SEVERITY: Readonly<Record<Severity, vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

function toDiagnostic(d: CliDiagnostic): vscode.Diagnostic {
  const r = d.range;
  const diagnostic = new vscode.Diagnostic(
    new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character),
    d.message,
    SEVERITY[d.severity],
  );
  diagnostic.source = 'РРО';
  diagnostic.code = d.rule;
  return diagnostic;
}

export function registerCheckArchive(services: ClientServices): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('rro-archive');
  const shown = new Map<string, vscode.Uri[]>();
  const command = vscode.commands.registerCommand(CHECK_ARCHIVE_COMMAND, async (given?: vscode.Uri) => {
    const archive = given ?? (await pickArchive());
    if (!archive) return undefined;
    const check = await checkOptionsFor(services, archive);
    if (!check) return undefined;
    const result = await vscode.window
      .withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: l10n.t('RRO: checking {0}…', escapeControl(path.basename(archive.fsPath))),
        },
        () =>
          runCheck({
            paths: [archive.fsPath],
            cwd: path.dirname(archive.fsPath),
            lang: uiLang(),
            engine: check,
            severities: check.severities ?? {},
            exclude: [],
          }),
      )
      .then(undefined, (e: unknown) => {
        void vscode.window.showErrorMessage(
          l10n.t(
            'RRO: cannot check {0}: {1}',
            escapeControl(path.basename(archive.fsPath)),
            escapeControl(e instanceof Error ? e.message : String(e)),
          ),
        );
        return undefined;
      });
    if (!result) return undefined;
    for (const old of shown.get(archive.fsPath) ?? []) collection.delete(old);
    const uris: vscode.Uri[] = [];
    const summary: ArchiveCheckSummary = { entries: 0, errors: 0, warnings: 0 };
    const prefix = `${archive.fsPath}!/`;
    for (const file of result.files) {
      const isEntry = file.path.startsWith(prefix);
      if (isEntry) summary.entries++;
      const uri = isEntry ? entryUri(archive.fsPath, file.path.slice(prefix.length)) : archive;
      collection.set(uri, [...(collection.get(uri) ?? []), ...file.diagnostics.map(toDiagnostic)]);
      uris.push(uri);
      for (const d of file.diagnostics) {
        if (d.severity === 'error') summary.errors++;
        else if (d.severity === 'warning') summary.warnings++;
      }
    }
    shown.set(archive.fsPath, uris);
    services.output.info(
      l10n.t(
        'RRO: {0}: {1} entries checked, {2} errors, {3} warnings.',
        escapeControl(path.basename(archive.fsPath)),
        formatCount(summary.entries),
        formatCount(summary.errors),
        formatCount(summary.warnings),
      ),
    );
    for (const p of result.problems) services.output.warn(escapeControl(p));
    void announce(archive, summary);
    return summary;
  });
  return vscode.Disposable.from(
    collection,
    command,
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, new EntryContent()),
  );
}

async function pickArchive(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    filters: { [l10n.t('ZIP archives')]: ['zip'] },
    openLabel: l10n.t('Check'),
  });
  return picked?.[0];
}

async function announce(archive: vscode.Uri, s: ArchiveCheckSummary): Promise<void> {
  const text = l10n.t(
    'RRO: {0}: {1} entries checked, {2} errors, {3} warnings.',
    escapeControl(path.basename(archive.fsPath)),
    formatCount(s.entries),
    formatCount(s.errors),
    formatCount(s.warnings),
  );
  const show = l10n.t('Show Problems');
  const choice =
    s.errors + s.warnings > 0
      ? await vscode.window.showWarningMessage(text, show)
      : await vscode.window.showInformationMessage(text);
  if (choice === show) await vscode.commands.executeCommand('workbench.actions.view.problems');
}
