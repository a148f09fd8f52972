// What an answer means (retry, reject, fail) and the backoff schedule: pure functions, table-driven.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { backoffDelay, DEFAULT_RETRY, judge } from '../../server/src/send';

const res = (status: number, body = ''): { status: number; body: string; durationMs: number } => ({
  status,
  body,
  durationMs: 1,
});

test('answers: 2xx accepted, 500 rejected (pointer from the code it names), transient retried, the rest failed', () => {
  const codes = ['0001', '9876'];
  assert.deepEqual(judge(res(204), codes), { kind: 'accepted' });
  assert.deepEqual(judge(res(500, '{"exceptionMessage":"Вопрос с кодом 9876: нет такого кода"}'), codes), {
    kind: 'rejected',
    message: 'Вопрос с кодом 9876: нет такого кода',
    pointer: '/questions/1/code',
  });
  assert.deepEqual(judge(res(500, '{"ExceptionMessage":"Вопрос с кодом 5555: x"}'), codes), {
    kind: 'rejected',
    message: 'Вопрос с кодом 5555: x',
    pointer: '',
  });
  assert.deepEqual(judge(res(500, '<html>oops</html>'), codes), { kind: 'rejected', message: '', pointer: '' });
  for (const status of [408, 429, 502, 503, 504])
    assert.deepEqual(judge(res(status), codes), { kind: 'retry', reason: `http-${status}` });
  assert.deepEqual(judge(res(401, '{"Message":"Authorization has been denied"}'), codes), {
    kind: 'failed',
    reason: 'http-401',
    message: 'Authorization has been denied',
  });
});

test('backoff: base × 2^(n−1) with jitter between half and all of it, capped', () => {
  const policy = { ...DEFAULT_RETRY, baseDelayMs: 1000, maxDelayMs: 5000 };
  assert.deepEqual(
    [1, 2, 3, 4].map((n) => backoffDelay(n, policy, () => 1)),
    [1000, 2000, 4000, 5000],
  );
  assert.deepEqual(
    [1, 2, 3, 4].map((n) => backoffDelay(n, policy, () => 0)),
    [500, 1000, 2000, 2500],
  );
  assert.equal(DEFAULT_RETRY.retries, 3);
});
