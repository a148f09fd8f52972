// Files saved as Windows-1251, KOI8-R or CP866 (1C, Russian Windows): VS Code opens them as
// UTF-8 and shows U+FFFD, and the first save would write the replacement characters — the
// applicant's name gone for good. So, on open, the bytes are read; a single-byte Cyrillic file
// is reopened in its own encoding at once (the text is right, and a save writes it back as it
// was), the user is told, and a quick fix / command converts it to UTF-8 for the importer.
// If a damaged buffer is saved anyway, the original bytes are kept beside it and the user told.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { l10n } from './l10n';
import { decodeBytes, type Encoding } from '../../server/src/core';

export const CONVERT_TO_UTF8_COMMAND = 'rro.convertToUtf8';

/** The engine's encoding names → VS Code's (TextDocument.encoding). */
const VSCODE_ENCODING: Readonly<Partial<Record<Encoding, string>>> = {
  'windows-1251': 'windows1251',
  'koi8-r': 'koi8r',
  ibm866: 'cp866',
};

const LABEL: Readonly<Record<Encoding, string>> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1251': 'Windows-1251',
  'koi8-r': 'KOI8-R',
  ibm866: 'CP866',
};

interface Flagged {
  encoding: Encoding;
  /** The file's bytes when it was opened: kept if a damaged buffer is saved over them. */
  original: Uint8Array;
}

const isJson = (d: vscode.TextDocument): boolean => d.uri.scheme === 'file' && /^jsonc?$/.test(d.languageId);
const isUtf8Encoding = (e: string): boolean => e === 'utf8' || e === 'utf8bom';

export class EncodingGuard implements vscode.CodeActionProvider, vscode.Disposable {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];
  private readonly flagged = new Map<string, Flagged>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly output: vscode.LogOutputChannel) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => void this.inspect(d)),
      vscode.workspace.onWillSaveTextDocument((e) => this.beforeSave(e)),
      vscode.workspace.onDidCloseTextDocument((d) => this.flagged.delete(d.uri.toString())),
      vscode.languages.registerCodeActionsProvider(
        [
          { scheme: 'file', language: 'json' },
          { scheme: 'file', language: 'jsonc' },
        ],
        this,
        { providedCodeActionKinds: EncodingGuard.kinds },
      ),
      vscode.commands.registerCommand(CONVERT_TO_UTF8_COMMAND, (uri?: vscode.Uri | string) =>
        this.convert(
          typeof uri === 'string' ? vscode.Uri.parse(uri) : (uri ?? vscode.window.activeTextEditor?.document.uri),
        ),
      ),
    );
    for (const d of vscode.workspace.textDocuments) void this.inspect(d);
  }

  /** The encoding a document's file was found in, when it is not UTF-8 (for tests). */
  encodingOf(uri: vscode.Uri): Encoding | undefined {
    return this.flagged.get(uri.toString())?.encoding;
  }

  private async inspect(document: vscode.TextDocument): Promise<void> {
    if (!isJson(document)) return;
    const bytes = await fs.readFile(document.uri.fsPath).catch(() => undefined);
    if (!bytes) return;
    const { encoding } = decodeBytes(bytes);
    const own = VSCODE_ENCODING[encoding];
    if (!own) return;
    this.flagged.set(document.uri.toString(), { encoding, original: bytes });
    // Reopened in its own encoding already (VS Code may report that as a new document).
    if (!isUtf8Encoding(document.encoding)) return;
    const name = path.basename(document.uri.fsPath);
    // Only the file name and the encoding go to the log: the content is personal data.
    this.output.warn(l10n.t('{0} is saved as {1}, not UTF-8; shown in {1}.', name, LABEL[encoding]));
    if (!document.isDirty) {
      try {
        await vscode.workspace.openTextDocument(document.uri, { encoding: own });
      } catch (e) {
        this.output.warn(`${name}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    const convert = l10n.t('Convert to UTF-8');
    const choice = await vscode.window.showWarningMessage(
      l10n.t(
        'RRO: {0} is saved as {1}; the importer reads UTF-8 only. It is shown in {1}, Cyrillic intact. Convert it to UTF-8?',
        name,
        LABEL[encoding],
      ),
      convert,
    );
    if (choice === convert) await this.convert(document.uri);
  }

  provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const flagged = this.flagged.get(document.uri.toString());
    const diagnostics = context.diagnostics.filter((d) => {
      const code = typeof d.code === 'object' && d.code !== null ? d.code.value : d.code;
      return code === 'rro/encoding';
    });
    if (!flagged && diagnostics.length === 0) return [];
    const label = flagged ? LABEL[flagged.encoding] : undefined;
    const action = new vscode.CodeAction(
      label ? l10n.t('Convert the file from {0} to UTF-8', label) : l10n.t('Convert to UTF-8'),
      vscode.CodeActionKind.QuickFix,
    );
    action.diagnostics = diagnostics;
    action.isPreferred = true;
    action.command = {
      command: CONVERT_TO_UTF8_COMMAND,
      title: action.title,
      arguments: [document.uri.toString()],
    };
    return [action];
  }

  /** Writes the file as UTF-8 with the text read in its own encoding; the editor then shows UTF-8. */
  async convert(uri: vscode.Uri | undefined): Promise<boolean> {
    if (!uri || uri.scheme !== 'file') return false;
    const name = path.basename(uri.fsPath);
    const bytes = await fs.readFile(uri.fsPath).catch(() => undefined);
    if (!bytes) {
      void vscode.window.showErrorMessage(l10n.t('RRO: cannot read {0}.', name));
      return false;
    }
    const decoded = decodeBytes(bytes);
    if (decoded.encoding === 'utf-8') {
      this.flagged.delete(uri.toString());
      void vscode.window.showInformationMessage(l10n.t('RRO: {0} is already in UTF-8.', name));
      return true;
    }
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    try {
      if (document && isUtf8Encoding(document.encoding)) {
        // The buffer was decoded as UTF-8 (replacement characters): put the real text in and
        // save, which writes UTF-8. Edits made on the damaged text cannot be kept.
        if (document.isDirty && !(await this.confirmDiscard(name))) return false;
        const edit = new vscode.WorkspaceEdit();
        edit.replace(
          uri,
          new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)),
          decoded.text,
        );
        this.flagged.delete(uri.toString());
        if (!(await vscode.workspace.applyEdit(edit)) || !(await document.save())) return false;
      } else {
        // Shown in its own encoding (or not open): the text is right; write it as UTF-8.
        if (document?.isDirty) await document.save();
        const text = document ? document.getText() : decoded.text;
        await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
        this.flagged.delete(uri.toString());
        if (document) await vscode.workspace.openTextDocument(uri, { encoding: 'utf8' });
      }
    } catch (e) {
      void vscode.window.showErrorMessage(
        l10n.t('RRO: {0} was not converted: {1}', name, e instanceof Error ? e.message : String(e)),
      );
      return false;
    }
    this.output.info(l10n.t('{0} converted from {1} to UTF-8.', name, LABEL[decoded.encoding]));
    void vscode.window.showInformationMessage(
      l10n.t('RRO: {0} converted from {1} to UTF-8.', name, LABEL[decoded.encoding]),
    );
    return true;
  }

  private async confirmDiscard(name: string): Promise<boolean> {
    const replace = l10n.t('Replace with the File’s Text');
    const choice = await vscode.window.showWarningMessage(
      l10n.t(
        'RRO: {0} has unsaved changes made on text shown with replacement characters. Replace them with the file’s own text and save it as UTF-8?',
        name,
      ),
      { modal: true },
      replace,
    );
    return choice === replace;
  }

  /** A damaged buffer about to overwrite the file: keep the original bytes beside it, and say so. */
  private beforeSave(e: vscode.TextDocumentWillSaveEvent): void {
    const flagged = this.flagged.get(e.document.uri.toString());
    if (!flagged || !isUtf8Encoding(e.document.encoding) || !e.document.getText().includes('\uFFFD')) return;
    const backup = `${e.document.uri.fsPath}.${VSCODE_ENCODING[flagged.encoding] ?? 'orig'}.bak`;
    e.waitUntil(
      fs.writeFile(backup, flagged.original).then(() => {
        const name = path.basename(e.document.uri.fsPath);
        this.output.warn(
          l10n.t('{0} saved with replacement characters; the original kept as {1}.', name, path.basename(backup)),
        );
        void vscode.window.showWarningMessage(
          l10n.t(
            'RRO: {0} was saved with replacement characters (�) instead of its {1} text. The original file is kept as {2}; use «Convert to UTF-8» on it.',
            name,
            LABEL[flagged.encoding],
            path.basename(backup),
          ),
          { modal: true },
        );
      }),
    );
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
