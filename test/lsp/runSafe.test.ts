// Handlers wrapped runSafe-style (issue 11.4): an exception answers the default and logs one
// line that names the handler and the error's class, never its message (it may quote a name).
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { CancellationTokenSource, LSPErrorCodes } from 'vscode-languageserver-protocol/node';
import { checkFailedReport, runSafe } from '../../server/src/lsp/runSafe';
import { ServerText } from '../../server/src/lsp/text';

it('answers the default and logs one line without the message when a handler throws', async () => {
  const lines: string[] = [];
  const result = await runSafe(
    (l) => lines.push(l),
    'hover',
    new CancellationTokenSource().token,
    null,
    () => {
      throw new TypeError('Волкова Елена Павловна');
    },
  );
  assert.equal(result, null);
  assert.equal(lines.length, 1);
  assert.match(lines[0], /^rro: hover failed \(TypeError/);
  assert.doesNotMatch(lines[0], /Волкова/);
});

it('answers RequestCancelled, without a log line, when the request is cancelled meanwhile', async () => {
  const lines: string[] = [];
  const source = new CancellationTokenSource();
  const result = await runSafe(
    (l) => lines.push(l),
    'completion',
    source.token,
    [],
    () => {
      source.cancel();
      throw new Error('stale');
    },
  );
  assert.equal((result as { code?: number }).code, LSPErrorCodes.RequestCancelled);
  assert.deepEqual(lines, []);
});

it('returns the result when all goes well', async () => {
  assert.equal(
    await runSafe(
      () => undefined,
      'x',
      new CancellationTokenSource().token,
      0,
      () => 7,
    ),
    7,
  );
});

it('answers a failed diagnostics request with a warning that the check did not run, not with no problems', () => {
  const report = checkFailedReport(new ServerText('ru'));
  assert.equal(report.kind, 'full');
  assert.equal(report.kind === 'full' ? report.items.length : 0, 1);
});
