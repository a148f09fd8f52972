// Outline: the appeal (number, createDate) with one child per question (`code — status`),
// or the null report (month.year). A too-deep document outlines its readable part.
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver/node';
import type { JsonNode } from '../engine';
import { logOf, openRro, type OpenRro, type ServerContext } from './context';
import { nodeAtPath } from './locate';
import { runSafe } from './runSafe';
import type { Snapshot } from './snapshot';

function shown(node: JsonNode | undefined): string {
  if (!node) return '?';
  return node.type === 'string' ? String(node.value) : node.type === 'number' ? String(node.value) : '?';
}

function symbol(
  snapshot: Snapshot,
  name: string,
  detail: string,
  kind: SymbolKind,
  node: JsonNode,
  children?: DocumentSymbol[],
): DocumentSymbol {
  const range = snapshot.lines.range(node.offset, node.length);
  return { name, detail, kind, range, selectionRange: range, children };
}

export function documentSymbols(ctx: ServerContext, open: OpenRro): DocumentSymbol[] {
  const { root, snapshot } = open;
  if (root?.type !== 'object') return [];
  if (open.kind === 'null-report') {
    const name = ctx.text.t('lsp.symbol.nullReport', {
      month: shown(nodeAtPath(root, ['month'])),
      year: shown(nodeAtPath(root, ['year'])),
    });
    return [symbol(snapshot, name, shown(nodeAtPath(root, ['departmentId'])), SymbolKind.Object, root)];
  }
  const questions = nodeAtPath(root, ['questions']);
  const children = (questions?.type === 'array' ? (questions.children ?? []) : []).map((q) => {
    const name = ctx.text.t('lsp.symbol.question', {
      code: shown(nodeAtPath(q, ['code'])),
      status: shown(nodeAtPath(q, ['status'])),
    });
    return symbol(snapshot, name, '', SymbolKind.Object, q);
  });
  const name = ctx.text.t('lsp.symbol.appeal', { number: shown(nodeAtPath(root, ['number'])) });
  return [symbol(snapshot, name, shown(nodeAtPath(root, ['createDate'])), SymbolKind.Object, root, children)];
}

export function registerSymbols(ctx: ServerContext): void {
  ctx.connection.onDocumentSymbol((params, token) =>
    runSafe(logOf(ctx), 'documentSymbol', token, [], async () => {
      const open = await openRro(ctx, params.textDocument.uri);
      return open ? documentSymbols(ctx, open) : [];
    }),
  );
}
