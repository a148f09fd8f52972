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
import { pickDepartment } from '../commands/departments';
import type { ClientServices } from '../commands/index';

/** What the webview posts (and what the test command posts in its place). */
export type FormMessage =
  | { type: 'ready' }
  | { type: 'set'; path: JsonPath; value: string }
  | { type: 'remove'; path: JsonPath }
  | { type: 'attach'; pointer: string }
  | { type: 'pickDepartment'; path: JsonPath }
  | { type: 'fix'; id: number }
  | { type: 'painted'; controls: number; diagnosticsAt: string[] };

export interface DiagnosticView {
  pointer: string;
  rule: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: string;
  /** The quick fixes the language server offers for it, as buttons. */
  fixes: FixView[];
}

export interface FixView {
  id: number;
  title: string;
}

/** The code action command answers commands and code actions; a command's `command` is its id. */
function isCodeAction(a: vscode.CodeAction | vscode.Command): a is vscode.CodeAction {
  return typeof (a as vscode.Command).command !== 'string';
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

/** Diagnostics whose quick fixes are looked up per redraw (one request each). */
const MAX_FIXED = 20;
/** How long the form waits after a text or diagnostics change before it redraws. */
const REDRAW_DELAY_MS = 50;

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
  /** What the webview last reported drawing, and how long after opening it first did. */
  painted: { controls: number; diagnosticsAt: string[] } | undefined;
  firstPaintMs: number | undefined;
  private readonly opened = performance.now();
  private readonly fixes = new Map<number, vscode.CodeAction>();
  private nextFix = 0;
  private fixCache: { key: string; perDiagnostic: FixView[][] } | undefined;
  private fixPending: string | undefined;
  private lastKey = '';

  constructor(
    readonly document: vscode.TextDocument,
    private readonly panel: vscode.WebviewPanel,
    private readonly services: ClientServices,
  ) {
    const webview = panel.webview;
    webview.options = { enableScripts: true, localResourceRoots: [] };
    webview.html = formHtml(webview.cspSource, language());
    this.subscriptions.push(
      webview.onDidReceiveMessage((m: FormMessage) => void this.handle(m)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === document && e.contentChanges.length > 0) this.soon();
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => u.toString() === document.uri.toString())) this.soon();
      }),
    );
  }

  private redraw: ReturnType<typeof setTimeout> | undefined;

  /** One redraw for a burst of keystrokes or diagnostics (a large file is parsed once per redraw). */
  private soon(): void {
    if (this.redraw) clearTimeout(this.redraw);
    this.redraw = setTimeout(() => {
      this.redraw = undefined;
      this.render();
    }, REDRAW_DELAY_MS);
  }

  render(): void {
    const model = new FormModel(language(), (m, ...a) => l10n.t(m, ...a), formatSize);
    const errors: ParseError[] = [];
    const root: unknown = parse(this.document.getText(), errors, { allowTrailingComma: true });
    const view: FormView =
      errors.length > 0
        ? { ok: false, reason: l10n.t('The text is not valid JSON: fix it in the text editor, the form follows.') }
        : model.build(root);
    const found = vscode.languages.getDiagnostics(this.document.uri);
    const diagnostics = found.map((d): DiagnosticView => ({
      pointer: pointerAt(d, this.document),
      rule: ruleOf(d),
      severity: SEVERITY[d.severity],
      message: escapeControl(d.message),
      fixes: [],
    }));
    this.last = {
      type: 'render',
      view,
      diagnostics,
      strings: {
        title: view.ok && view.kind === 'nullReport' ? l10n.t('No-appeals report') : l10n.t('Appeal form'),
        remove: l10n.t('Remove'),
        unusedHint: l10n.t('This status does not use the field: remove it from the text.'),
        attach: l10n.t('Attach File…'),
        find: l10n.t('Find…'),
        findHint: l10n.t('Pick the department by name (SearchDepartments).'),
        unknown: l10n.t('Other properties (kept as they are):'),
      },
    };
    this.lastKey = this.keyOf(found);
    if (this.fixCache?.key === this.lastKey)
      diagnostics.forEach((d, i) => (d.fixes = this.fixCache?.perDiagnostic[i] ?? []));
    else if (found.length > 0 && this.fixPending !== this.lastKey) void this.addFixes(this.lastKey, found);
    void this.panel.webview.postMessage(this.last);
  }

  /**
   * The quick fixes of the shown diagnostics, then a redraw. VS Code's code action command does
   * not say which diagnostic an action fixes, so each diagnostic's own range is asked (the first
   * MAX_FIXED of them); a title offered twice for one range is kept once. The answer is kept for
   * the text version and diagnostics it was asked for, so redraws in between do not ask again.
   */
  private async addFixes(key: string, found: vscode.Diagnostic[]): Promise<void> {
    this.fixPending = key;
    const asked = await Promise.all(
      found
        .slice(0, MAX_FIXED)
        .map((d) =>
          vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[] | undefined>(
            'vscode.executeCodeActionProvider',
            this.document.uri,
            d.range,
            vscode.CodeActionKind.QuickFix.value,
          ),
        ),
    );
    if (this.fixPending === key) this.fixPending = undefined;
    if (this.keyOf(vscode.languages.getDiagnostics(this.document.uri)) !== key) return;
    this.fixes.clear();
    const perDiagnostic = asked.map((actions) => {
      const offered: FixView[] = [];
      for (const action of actions ?? []) {
        if (!isCodeAction(action) || (!action.edit && !action.command)) continue;
        if (offered.some((f) => f.title === action.title)) continue;
        const id = this.nextFix++;
        this.fixes.set(id, action);
        offered.push({ id, title: escapeControl(action.title) });
      }
      return offered;
    });
    this.fixCache = { key, perDiagnostic };
    if (this.last && this.lastKey === key && perDiagnostic.some((f) => f.length > 0)) {
      this.last.diagnostics.forEach((d, i) => (d.fixes = perDiagnostic[i] ?? []));
      void this.panel.webview.postMessage(this.last);
    }
  }

  private keyOf(found: readonly vscode.Diagnostic[]): string {
    const r = (d: vscode.Diagnostic): string =>
      `${ruleOf(d)}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;
    return `${this.document.version}|${found.map(r).join(',')}`;
  }

  /** A change from the webview (or the test command): the smallest edit of the text. */
  async handle(message: FormMessage): Promise<boolean> {
    if (message.type === 'painted') {
      this.painted = { controls: message.controls, diagnosticsAt: message.diagnosticsAt };
      this.firstPaintMs ??= performance.now() - this.opened;
      return true;
    }
    if (message.type === 'ready') {
      this.render();
      return true;
    }
    if (message.type === 'attach') {
      await vscode.commands.executeCommand('rro.attachFile', this.document.uri.toString(), message.pointer);
      return true;
    }
    if (message.type === 'fix') {
      const action = this.fixes.get(message.id);
      if (!action) return false;
      if (action.edit && !(await vscode.workspace.applyEdit(action.edit))) return false;
      if (action.command)
        await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
      return true;
    }
    if (message.type === 'pickDepartment') {
      const picked = await pickDepartment(this.services);
      if (!picked) return false;
      return this.handle({ type: 'set', path: message.path, value: picked.id });
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
    if (this.redraw) clearTimeout(this.redraw);
    for (const s of this.subscriptions) s.dispose();
  }
}

/** What the test command returns: the last view sent and what the webview drew of it. */
export interface FormState extends RenderMessage {
  painted: OpenForm['painted'];
  firstPaintMs: number | undefined;
}

function ruleOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code ?? '');
}

export class AppealFormProvider implements vscode.CustomTextEditorProvider {
  private readonly open = new Map<string, OpenForm>();

  constructor(private readonly services: ClientServices) {}

  resolveCustomTextEditor(document: vscode.TextDocument, panel: vscode.WebviewPanel): void {
    const form = new OpenForm(document, panel, this.services);
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
  state(uri: vscode.Uri): FormState | undefined {
    const form = this.open.get(uri.toString());
    form?.render();
    if (!form?.last) return undefined;
    return { ...form.last, painted: form.painted, firstPaintMs: form.firstPaintMs };
  }
}
