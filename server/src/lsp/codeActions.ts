// Code actions: each finding's fixes as quick fixes (on the diagnostic they fix), «Прикрепить
// файл…» on a question whose status takes an attachment, and `source.fixAll.rro`: every safe
// fix at once, in one edit. The findings come from the server's own check of the document
// (those touching the requested range), so a client that sends no `context.diagnostics`
// still gets its fixes; a diagnostic the client did send is echoed back as it came.
import {
  CodeActionKind,
  type CodeAction,
  type Diagnostic,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver/node';
import type { Finding, Fix, LineIndex, TextEdit } from '../engine';
import { toDiagnostic, type DiagnosticData } from './diagnostics';
import { findingsOf, logOf, openRro, type OpenRro, type ServerContext } from './context';
import { statusSpec } from './fields';
import { locate, nodeAtPath, pathPointer, roleAt } from './locate';
import { runSafe } from './runSafe';
import { splitAction } from './splitAction';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.rro`;
export const ATTACH_FILE_COMMAND = 'rro.attachFile';

function toLspEdits(edits: readonly TextEdit[], lines: LineIndex): LspTextEdit[] {
  return edits.map((e) => ({ range: lines.range(e.offset, e.length), newText: e.newText }));
}

/** The finding a diagnostic was made from: same rule and same place. */
function findingOf(diagnostic: Diagnostic, findings: readonly Finding[], lines: LineIndex): Finding | undefined {
  // The offsets the diagnostic was made with, when the client kept its `data`; else its range.
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  const start = typeof data?.offset === 'number' ? data.offset : lines.offset(diagnostic.range.start);
  const length = typeof data?.length === 'number' ? data.length : lines.offset(diagnostic.range.end) - start;
  return findings.find((f) => f.rule === diagnostic.code && f.offset === start && f.length === length);
}

/** Safe fixes whose edits do not overlap, first come first served (findings are sorted). */
export function safeEdits(findings: readonly Finding[]): TextEdit[] {
  const taken: TextEdit[] = [];
  for (const f of findings) {
    const fix = f.fixes?.find((x) => x.safe);
    if (!fix) continue;
    const clash = fix.edits.some((e) =>
      taken.some(
        (t) =>
          (e.offset < t.offset + t.length && t.offset < e.offset + e.length) ||
          (e.offset === t.offset && e.length === 0 && t.length === 0),
      ),
    );
    if (!clash) taken.push(...fix.edits);
  }
  return taken.sort((a, b) => a.offset - b.offset);
}

function quickFix(ctx: ServerContext, open: OpenRro, fix: Fix, diagnostic: Diagnostic, only: boolean): CodeAction {
  return {
    title: ctx.text.t(fix.titleKey, fix.args),
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: only && fix.safe,
    edit: { changes: { [open.document.uri]: toLspEdits(fix.edits, open.snapshot.lines) } },
  };
}

/** Findings whose span touches [start, end] (a cursor at either edge counts). */
function findingsIn(findings: readonly Finding[], start: number, end: number): Finding[] {
  return findings.filter((f) => f.offset <= end && start <= f.offset + f.length);
}

export function registerCodeActions(ctx: ServerContext): void {
  ctx.connection.onCodeAction((params, token) =>
    runSafe(logOf(ctx), 'codeAction', token, [], async (): Promise<CodeAction[]> => {
      const open = await openRro(ctx, params.textDocument.uri);
      if (!open) return [];
      const { snapshot } = open;
      const findings = findingsOf(open);
      const wanted = (kind: string): boolean =>
        !params.context.only || params.context.only.some((k) => kind === k || kind.startsWith(k + '.'));
      const actions: CodeAction[] = [];
      if (wanted(CodeActionKind.QuickFix)) {
        const start = snapshot.lines.offset(params.range.start);
        const end = snapshot.lines.offset(params.range.end);
        // The client's own diagnostics first (their objects are echoed), then the rest of ours.
        const pairs = new Map<Finding, Diagnostic>();
        for (const diagnostic of params.context.diagnostics) {
          const finding = findingOf(diagnostic, findings, snapshot.lines);
          if (finding && !pairs.has(finding)) pairs.set(finding, diagnostic);
        }
        for (const finding of findingsIn(findings, start, end)) {
          if (finding.fixes && !pairs.has(finding)) pairs.set(finding, toDiagnostic(finding, snapshot.lines, ctx.text));
        }
        for (const [finding, diagnostic] of pairs) {
          const fixes = finding.fixes ?? [];
          for (const fix of fixes) actions.push(quickFix(ctx, open, fix, diagnostic, fixes.length === 1));
        }
        const attach = attachAction(ctx, open, start);
        if (attach) actions.push(attach);
        const split = splitAction(ctx, open, findings, params.context.diagnostics);
        if (split) actions.push(split);
      }
      if (wanted(FIX_ALL_KIND)) {
        const edits = safeEdits(findings);
        if (edits.length > 0) {
          actions.push({
            title: ctx.text.t('lsp.fixAll'),
            kind: FIX_ALL_KIND,
            edit: { changes: { [open.document.uri]: toLspEdits(edits, snapshot.lines) } },
          });
        }
      }
      return actions;
    }),
  );
}

/**
 * «Прикрепить файл…» inside a question whose status takes an attachment (or that has one to
 * replace): our VS Code client runs the command.
 */
function attachAction(ctx: ServerContext, open: OpenRro, offset: number): CodeAction | undefined {
  if (!ctx.ownClient) return undefined;
  const at = locate(open.root, offset);
  if (!at) return undefined;
  for (let n = at.path.length; n >= 2; n--) {
    const questionPath = at.path.slice(0, n);
    if (roleAt(open.kind, questionPath) !== 'question') continue;
    if (!takesAttachment(open, questionPath)) return undefined;
    const args = [open.document.uri, pathPointer(questionPath)];
    return {
      title: ctx.text.t('lsp.attachFile'),
      kind: CodeActionKind.QuickFix,
      command: { title: ctx.text.t('lsp.attachFile'), command: ATTACH_FILE_COMMAND, arguments: args },
    };
  }
  return undefined;
}

function takesAttachment(open: OpenRro, questionPath: readonly (string | number)[]): boolean {
  const status = nodeAtPath(open.root, [...questionPath, 'status']);
  const spec = typeof status?.value === 'string' ? statusSpec(status.value) : undefined;
  return (
    spec?.requires.includes('attachment') === true ||
    nodeAtPath(open.root, [...questionPath, 'attachment']) !== undefined
  );
}
