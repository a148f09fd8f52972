// Handlers drop work the client no longer wants: cancelled before it starts, the work is not
// done; cancelled while it runs, its result is not sent.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { CancellationTokenSource, LSPErrorCodes } from 'vscode-languageserver-protocol/node';
import { runUnlessCancelled } from '../../server/src/lsp/cancel';

// (The server's ResponseError comes from its own vscode-jsonrpc copy: compare codes, not classes.)
function isCancelled(result: unknown): boolean {
  return (
    typeof result === 'object' &&
    result !== null &&
    (result as { code?: number }).code === LSPErrorCodes.RequestCancelled
  );
}

it('skips the work when the request is cancelled before its turn', async () => {
  const source = new CancellationTokenSource();
  let ran = false;
  const pending = runUnlessCancelled(source.token, () => {
    ran = true;
    return 1;
  });
  source.cancel(); // arrives while the handler waits for its turn of the event loop
  const result = await pending;
  assert.equal(ran, false);
  assert.ok(isCancelled(result));
});

it('drops the result of work cancelled while it ran', async () => {
  const source = new CancellationTokenSource();
  const result = await runUnlessCancelled(source.token, async () => {
    source.cancel();
    return 2;
  });
  assert.ok(isCancelled(result));
});

it('returns the result when nobody cancels', async () => {
  assert.equal(await runUnlessCancelled(new CancellationTokenSource().token, () => 3), 3);
});
