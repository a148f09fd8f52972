// Handlers give the event loop a turn before heavy work, so a newer didChange (or the
// client's cancellation) is seen first and stale work is dropped instead of done.
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';

export function nextTick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export function cancelled<T>(): ResponseError<T> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
}

/** Runs `work` after a turn of the loop unless the request was cancelled meanwhile. */
export async function runUnlessCancelled<T, E>(
  token: CancellationToken,
  work: () => Promise<T> | T,
): Promise<T | ResponseError<E>> {
  await nextTick();
  if (token.isCancellationRequested) return cancelled<E>();
  const result = await work();
  return token.isCancellationRequested ? cancelled<E>() : result;
}
