// «Форма обращения»: a CustomTextEditorProvider over the JSON document itself, so VS Code keeps
// undo/redo, the dirty state and saving. Each change in the webview becomes the smallest text
// edit (edits.ts); each change of the text or of its diagnostics redraws the form. Lives in the
// heavy bundle (dist/clientCommands.js), loaded by form/lazy.ts when a form is first opened.
import * as vscode from 'vscode';
import { findNodeAtOffset, getNodePath, parseTree, type ParseError, parse } from 'jsonc-parser';
import { escapeControl } from '../../../server/src/core';
import { formatSize } from '../format';
import { l10n } from '../l10n';
import { editsFor } from './edits';
import { FormModel, pointerOf, valueFor, type FormView, type JsonPath } from './model';
import { formHtml } from './html';

/** What the webview posts (and what the test command posts in its place). */
export type FormMessage =
  | { type: 'ready' }
  | { type: 'set'; path: JsonPath; value: string }
  | { type: 'remove'; path: JsonPath }
  | { type: 'attach'; pointer: string };

export interface DiagnosticView {
  pointer: string;
  rule: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: string;
}

export interface RenderMessage {
  type: 'render';
  view: FormView;
  diagnostics: DiagnosticView[];
  strings: Record<string, string>;
}

const SEVERITY: Record<vscode.DiagnosticSeverity, DiagnosticView['severity']> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'info',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

function language(): 'ru' | 'en' {
  return vscode.env.language.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

/** The diagnostic's pointer: the server's `data.pointer`, else the JSON path at its range. */
function pointerAt(d: vscode.Diagnostic, doc: vscode.TextDocument): string {
  const data = (d as vscode.Diagnostic & { data?: unknown }).data;
  if (typeof data === 'object' && data !== null && 'pointer' in data && typeof data.pointer === 'string')
    return data.pointer;
  const tree = parseTree(doc.getText());
  const node = tree && findNodeAtOffset(tree, doc.offsetAt(d.range.start), true);
  return node ? pointerOf(getNodePath(node)) : '';
}

/** One open form: its panel, its document, its last view. */
class OpenForm implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[] = [];
  last: RenderMessage | undefined;

  constructor(
    readonly document: vscode.TextDocument,
    private readonly panel: vscode.WebviewPanel,
  ) {
    const webview = panel.webview;
    webview.options = { enableScripts: true, localResourceRoots: [] };
    webview.html = formHtml(webview.cspSource, language());
    this.subscriptions.push(
      webview.onDidReceiveMessage((m: FormMessage) => void this.handle(m)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === document && e.contentChanges.length > 0) this.render();
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => u.toString() === document.uri.toString())) this.render();
      }),
    );
  }

  render(): void {
    const model = new FormModel(language(), (m, ...a) => l10n.t(m, ...a), formatSize);
    const errors: ParseError[] = [];
    const root: unknown = parse(this.document.getText(), errors, { allowTrailingComma: true });
    const view: FormView =
      errors.length > 0
        ? { ok: false, reason: l10n.t('The text is not valid JSON: fix it in the text editor, the form follows.') }
        : model.build(root);
    const diagnostics = vscode.languages.getDiagnostics(this.document.uri).map((d): DiagnosticView => ({
      pointer: pointerAt(d, this.document),
      rule: typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code ?? ''),
      severity: SEVERITY[d.severity],
      message: escapeControl(d.message),
    }));
    this.last = {
      type: 'render',
      view,
      diagnostics,
      strings: {
        title: l10n.t('Appeal form'),
        remove: l10n.t('Remove'),
        unusedHint: l10n.t('This status does not use the field: remove it from the text.'),
        attach: l10n.t('Attach File…'),
        unknown: l10n.t('Other properties (kept as they are):'),
      },
    };
    void this.panel.webview.postMessage(this.last);
  }

  /** A change from the webview (or the test command): the smallest edit of the text. */
  async handle(message: FormMessage): Promise<boolean> {
    if (message.type === 'ready') {
      this.render();
      return true;
    }
    if (message.type === 'attach') {
      await vscode.commands.executeCommand('rro.attachFile', this.document.uri.toString(), message.pointer);
      return true;
    }
    const value = message.type === 'set' ? valueFor({ path: message.path }, message.value) : undefined;
    const text = this.document.getText();
    const edits = editsFor(text, message.path, value);
    if (edits.length === 0) return true;
    const edit = new vscode.WorkspaceEdit();
    for (const e of edits)
      edit.replace(
        this.document.uri,
        new vscode.Range(this.document.positionAt(e.offset), this.document.positionAt(e.offset + e.length)),
        e.content,
      );
    return vscode.workspace.applyEdit(edit);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

export class AppealFormProvider implements vscode.CustomTextEditorProvider {
  private readonly open = new Map<string, OpenForm>();

  resolveCustomTextEditor(document: vscode.TextDocument, panel: vscode.WebviewPanel): void {
    const form = new OpenForm(document, panel);
    const key = document.uri.toString();
    this.open.set(key, form);
    panel.onDidDispose(() => {
      form.dispose();
      if (this.open.get(key) === form) this.open.delete(key);
    });
  }

  /** For the tests: post a message as the webview would, and wait for its edit. */
  apply(uri: vscode.Uri, message: FormMessage): Promise<boolean> {
    const form = this.open.get(uri.toString());
    if (!form) throw new Error('no form is open for this document');
    return form.handle(message);
  }

  /** For the tests: what the form shows now (recomputed from the text and diagnostics). */
  state(uri: vscode.Uri): RenderMessage | undefined {
    const form = this.open.get(uri.toString());
    form?.render();
    return form?.last;
  }
}
