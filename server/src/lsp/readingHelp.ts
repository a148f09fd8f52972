// Reading help over plain LSP, for every editor: inlay hints, formatting (whole document and
// range), folding and selection ranges. Registered in one place so server.ts stays small.
import type { ServerCapabilities } from 'vscode-languageserver/node';
import { logOf, openRro, type ServerContext } from './context';
import { foldingRanges } from './folding';
import { formatEdits } from './formatting';
import { inlayHints } from './inlayHints';
import { runSafe } from './runSafe';
import { selectionRange } from './selectionRanges';

/**
 * What the server advertises. Our VS Code client gets only the inlay hints: VS Code's own
 * JSON support already formats, folds and expands selections, and a second JSON formatter
 * would make VS Code ask the user to choose a default one.
 */
export function readingHelpCapabilities(ownClient: boolean): ServerCapabilities {
  if (ownClient) return { inlayHintProvider: true };
  return {
    inlayHintProvider: true,
    documentFormattingProvider: true,
    documentRangeFormattingProvider: true,
    foldingRangeProvider: true,
    selectionRangeProvider: true,
  };
}

export function registerReadingHelp(ctx: ServerContext): void {
  const { connection } = ctx;
  const log = logOf(ctx);
  connection.languages.inlayHint.on((params, token) =>
    runSafe(log, 'inlayHint', token, [], async () => {
      const open = await openRro(ctx, params.textDocument.uri);
      return open ? inlayHints(ctx, open, params.range) : [];
    }),
  );
  connection.onDocumentFormatting((params, token) =>
    runSafe(log, 'formatting', token, [], async () => {
      const open = await openRro(ctx, params.textDocument.uri);
      return open ? formatEdits(open, params.options) : [];
    }),
  );
  connection.onDocumentRangeFormatting((params, token) =>
    runSafe(log, 'rangeFormatting', token, [], async () => {
      const open = await openRro(ctx, params.textDocument.uri);
      return open ? formatEdits(open, params.options, params.range) : [];
    }),
  );
  connection.onFoldingRanges((params, token) =>
    runSafe(log, 'foldingRange', token, [], async () => {
      const open = await openRro(ctx, params.textDocument.uri);
      return open ? foldingRanges(open.root, open.snapshot.lines) : [];
    }),
  );
  connection.onSelectionRanges((params, token) =>
    runSafe(log, 'selectionRange', token, [], async () => {
      const open = await openRro(ctx, params.textDocument.uri);
      return open ? params.positions.map((p) => selectionRange(open.root, open.snapshot.lines, p)) : [];
    }),
  );
}
