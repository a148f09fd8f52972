// Every request handler runs through here (as VS Code's json-language-features does): an
// exception answers with the handler's default and one log line — the handler's name and the
// error's class and source line, never its message (it may quote the document) — so one bad
// document can neither end the server nor leave the editor waiting. A cancelled request
// answers RequestCancelled, as LSP asks, without a log line: cancelling is ordinary typing.
import {
  DiagnosticSeverity,
  DocumentDiagnosticReportKind,
  type CancellationToken,
  type DocumentDiagnosticReport,
  type ResponseError,
} from 'vscode-languageserver/node';
import { cancelled, nextTick } from './cancel';
import type { ServerText } from './text';

export type LogLine = (line: string) => void;

/** `TypeError at hover.ts:41`: what failed and where, without the message text. */
export function describeError(e: unknown): string {
  if (!(e instanceof Error)) return typeof e;
  const frame = /\(?([^\s()/\\]+\.[cm]?[jt]s:\d+)(?::\d+)?\)?\s*$/m.exec((e.stack ?? '').split('\n')[1] ?? '');
  return frame ? `${e.name} at ${frame[1]}` : e.name;
}

export async function runSafe<T, E = void>(
  log: LogLine,
  name: string,
  token: CancellationToken,
  fallback: T,
  work: () => Promise<T> | T,
): Promise<T | ResponseError<E>> {
  await nextTick();
  if (token.isCancellationRequested) return cancelled<E>();
  try {
    const result = await work();
    return token.isCancellationRequested ? cancelled<E>() : result;
  } catch (e) {
    if (token.isCancellationRequested) return cancelled<E>();
    log(`rro: ${name} failed (${describeError(e)}); answered with no result`);
    return fallback;
  }
}

/**
 * What a failed diagnostics request answers: not an empty list, which would claim the
 * document has no problems, but one warning at its start that the check did not run.
 */
export function checkFailedReport(text: ServerText): DocumentDiagnosticReport {
  const start = { line: 0, character: 0 };
  return {
    kind: DocumentDiagnosticReportKind.Full,
    items: [
      {
        range: { start, end: start },
        severity: DiagnosticSeverity.Warning,
        source: text.t('lsp.source'),
        message: text.t('lsp.checkFailed'),
      },
    ],
  };
}
