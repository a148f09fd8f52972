// The fix for `rro/several-documents`: one new file per appeal beside the document (the same
// names as `rro split`: `bad-1.json`, `bad-2.json`…, never a file that exists), each holding
// the appeal's text as written. The original stays open and unchanged for the user to delete.
import { existsSync } from 'node:fs';
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver/node';
import { splitDocument, type Finding } from '../engine';
import { splitNames } from '../files/splitNames';
import type { OpenRro, ServerContext } from './context';
import { pathToUri, uriToPath } from './folders';

export function splitAction(
  ctx: ServerContext,
  open: OpenRro,
  findings: readonly Finding[],
  diagnostics: readonly Diagnostic[],
): CodeAction | undefined {
  if (!findings.some((f) => f.rule === 'rro/several-documents')) return undefined;
  const file = uriToPath(open.document.uri);
  if (!file) return undefined; // an untitled document has no folder to write beside
  const parts = splitDocument(open.document.getText());
  if (!parts) return undefined;
  const names = splitNames(file, parts.length, existsSync);
  const start = { line: 0, character: 0 };
  return {
    title: ctx.text.t('fix.splitFile', { count: parts.length }),
    kind: CodeActionKind.QuickFix,
    diagnostics: diagnostics.filter((d) => d.code === 'rro/several-documents'),
    edit: {
      documentChanges: names.flatMap((name, i) => {
        const uri = pathToUri(name);
        return [
          { kind: 'create' as const, uri, options: { overwrite: false, ignoreIfExists: false } },
          { textDocument: { uri, version: null }, edits: [{ range: { start, end: start }, newText: parts[i] }] },
        ];
      }),
    },
  };
}
