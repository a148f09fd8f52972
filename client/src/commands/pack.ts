// «РРО: упаковать папку в ZIP»: a thin door onto packFolder (server/src/archive/pack.ts), run
// in the extension host: pick a folder, pack it with progress and cancel, ask what to do
// when files have errors, then show a summary. «РРО: проверить ZIP-архив» lives in
// checkArchive.ts and is registered from here too.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { l10n } from '../l10n';
import {
  EntryTooLargeError,
  FileCheckError,
  FolderError,
  isAbort,
  PackOutputError,
  packFolder,
  BYTES_PER_MB,
  type ErrorPolicy,
  type PackResult,
  ZipLimitError,
  type CheckOptions,
  DEFAULT_ARCHIVE_LIMIT_MB,
  message,
} from '../../../server/src/core';
import { registerCheckArchive } from './checkArchive';
import { checkOptionsFor, uiLang } from './engineOptions';
import { CHECK_FOLDER_COMMAND } from './checkFolder';
import type { ClientServices } from './index';
import { escapeControl } from '../../../server/src/core';
import { formatCount, formatDecimal, formatSeconds, formatSize } from '../format';
import { errnoLabel, leftOutLabel } from '../words';

export const PACK_FOLDER_COMMAND = 'rro.packFolder';

/** For tests and other extensions: skip the dialogs by saying where and how. */
export interface PackCommandOptions {
  output?: string;
  errors?: ErrorPolicy;
}

export function registerPack(services: ClientServices): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(PACK_FOLDER_COMMAND, (folder?: vscode.Uri, options?: PackCommandOptions) =>
      packCommand(services, folder, options ?? {}),
    ),
    registerCheckArchive(services),
  ];
}

async function pickFolder(): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showErrorMessage(l10n.t('RRO: open a folder to pack it into a ZIP archive.'));
    return undefined;
  }
  if (folders.length === 1) return folders[0].uri;
  const picked = await vscode.window.showWorkspaceFolderPick({
    placeHolder: l10n.t('Folder to pack into a ZIP archive'),
  });
  return picked?.uri;
}

async function pickOutput(folder: vscode.Uri): Promise<string | undefined> {
  const suggested = vscode.Uri.file(path.join(path.dirname(folder.fsPath), `${path.basename(folder.fsPath)}.zip`));
  const chosen = await vscode.window.showSaveDialog({
    defaultUri: suggested,
    filters: { [l10n.t('ZIP archives')]: ['zip'] },
    saveLabel: l10n.t('Pack'),
  });
  return chosen?.fsPath;
}

/** Returns the result (for tests), or undefined when the user cancelled at some step. */
async function packCommand(
  services: ClientServices,
  given: vscode.Uri | undefined,
  options: PackCommandOptions,
): Promise<PackResult | undefined> {
  const folder = given ?? (await pickFolder());
  if (!folder) return undefined;
  const output = options.output ?? (await pickOutput(folder));
  if (!output) return undefined;
  const check = await checkOptionsFor(services, folder);
  if (!check) return undefined;
  let policy: ErrorPolicy = options.errors ?? 'refuse';
  for (;;) {
    const result = await runWithProgress(services, folder, output, policy, check);
    if (!result) return undefined;
    if (result.status !== 'refused') {
      report(services, result, folder);
      return result;
    }
    const next = await askAboutErrors(result, folder);
    if (!next) return result;
    policy = next;
  }
}

async function runWithProgress(
  services: ClientServices,
  folder: vscode.Uri,
  output: string,
  errors: ErrorPolicy,
  check: CheckOptions,
): Promise<PackResult | undefined> {
  const settings = services.settings.for(folder);
  const limitMb = vscode.workspace
    .getConfiguration('rro', folder)
    .get<number>('archive.maxSizeMB', DEFAULT_ARCHIVE_LIMIT_MB);
  const title = l10n.t('RRO: packing {0}…', escapeControl(path.basename(folder.fsPath)));
  try {
    return await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title, cancellable: true },
      (progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        let shownPercent = 0;
        return packFolder(folder.fsPath, {
          output,
          errors,
          include: settings.files,
          exclude: settings.exclude,
          limitBytes: Math.floor((limitMb > 0 ? limitMb : DEFAULT_ARCHIVE_LIMIT_MB) * BYTES_PER_MB),
          check,
          signal: abort.signal,
          onProgress: (p) => {
            const percent = Math.floor((100 * p.done) / p.total);
            if (percent === shownPercent) return; // one update per percent: 10,000 files, 100 messages
            progress.report({ increment: percent - shownPercent, message: `${p.done}/${p.total}` });
            shownPercent = percent;
          },
        });
      },
    );
  } catch (e) {
    if (isAbort(e)) {
      services.output.info(l10n.t('RRO: packing cancelled; nothing was written.'));
      void vscode.window.showInformationMessage(l10n.t('RRO: packing cancelled; nothing was written.'));
      return undefined;
    }
    const reason = explain(e, folder);
    services.output.error(l10n.t('RRO: the folder was not packed: {0}', reason));
    void vscode.window.showErrorMessage(l10n.t('RRO: the folder was not packed: {0}', reason));
    return undefined;
  }
}

/** The modal gate: show the problems, pack only the valid files, pack anyway, or cancel. */
async function askAboutErrors(result: PackResult, folder: vscode.Uri): Promise<ErrorPolicy | undefined> {
  const show = l10n.t('Show Problems');
  const onlyValid = l10n.t('Pack Only Files Without Errors');
  const anyway = l10n.t('Pack Anyway');
  const files = result.withErrors.map((f) => f.path);
  const detail = files.slice(0, 10).join('\n') + (files.length > 10 ? `\n… (+${files.length - 10})` : '');
  const choice = await vscode.window.showWarningMessage(
    l10n.t('RRO: {0} file(s) have errors. The importer would reject them.', files.length),
    { modal: true, detail },
    show,
    onlyValid,
    anyway,
  );
  if (choice === onlyValid) return 'only-valid';
  if (choice === anyway) return 'allow';
  if (choice === show) {
    await vscode.commands.executeCommand(CHECK_FOLDER_COMMAND, folder);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
  }
  return undefined;
}

function report(services: ClientServices, result: PackResult, folder: vscode.Uri): void {
  const lang = uiLang();
  // File names and reasons only: never the files' contents (personal data).
  services.output.info(
    l10n.t(
      'Packed {0} files into {1} archives, {2}, in {3} s.',
      formatCount(result.packed.length),
      formatCount(result.parts.length),
      formatSize(result.archiveBytes),
      formatSeconds(result.durationMs),
    ),
  );
  for (const l of result.leftOut)
    services.output.info(
      l10n.t('Left out {0}: {1}', escapeControl(l.path), leftOutLabel(l.reason)) +
        (l.detail ? ` (${escapeControl(l.detail)})` : ''),
    );
  for (const t of result.removedTemps) {
    services.output.info(l10n.t('Removed a stale temporary file: {0}', escapeControl(t)));
    void vscode.window.showInformationMessage(
      message('pack.removedTemp', { file: escapeControl(path.basename(t)) }, lang),
    );
  }
  if (result.status === 'empty') {
    void vscode.window.showWarningMessage(message('pack.empty', { folder: path.basename(folder.fsPath) }, lang));
    return;
  }
  const summary = l10n.t(
    'RRO: packed {0} file(s) into {1} archive(s), {2} MB in {3} s.',
    result.packed.length,
    result.parts.length,
    formatDecimal(result.archiveBytes / 1e6),
    formatSeconds(result.durationMs),
  );
  if (result.staleParts.length > 0) {
    const names = result.staleParts.map((p) => escapeControl(path.basename(p))).join(', ');
    void vscode.window.showWarningMessage(message('pack.staleParts', { files: names }, lang));
  }
  const sameFiles =
    result.sameFiles > 0 ? ' ' + message('pack.sameFiles', { count: result.sameFiles }, lang) + '.' : '';
  const leftOut =
    sameFiles +
    (result.leftOut.length > 0 ? ' ' + l10n.t('Left out: {0} (see the РРО output).', result.leftOut.length) : '');
  const reveal = l10n.t('Reveal in File Explorer');
  void vscode.window.showInformationMessage(summary + leftOut, reveal).then((choice) => {
    if (choice === reveal && result.parts[0])
      void vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(result.parts[0].path));
  });
}

function explain(e: unknown, folder: vscode.Uri): string {
  const lang = uiLang();
  if (e instanceof FolderError)
    return message(`pack.error.folder.${e.code}`, { folder: escapeControl(folder.fsPath), detail: e.detail }, lang);
  if (e instanceof PackOutputError)
    return message('pack.error.output', { output: escapeControl(e.output), code: e.code }, lang);
  if (e instanceof EntryTooLargeError) {
    const mb = (n: number): string => message('pack.size.mb', { n: formatDecimal(n / 1e6) }, lang);
    return l10n.t(
      '{0} alone takes {1} compressed, more than one archive may hold ({2}); raise the setting rro.archive.maxSizeMB or pack it separately.',
      escapeControl(e.entryName),
      mb(e.archiveBytes),
      mb(e.limitBytes),
    );
  }
  if (e instanceof ZipLimitError) return message('pack.error.zipLimit', { file: escapeControl(e.entryName) }, lang);
  if (e instanceof FileCheckError)
    return message('pack.error.check', { file: escapeControl(e.file), reason: escapeControl(e.reason) }, lang);
  const errno = e as NodeJS.ErrnoException;
  if (typeof errno?.code === 'string')
    return message(
      'pack.error.io',
      { file: escapeControl(path.basename(errno.path ?? '')), code: errnoLabel(errno.code) },
      lang,
    );
  return e instanceof Error ? e.message : String(e);
}
