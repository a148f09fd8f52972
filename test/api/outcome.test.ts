// What an answer means (retry, reject, fail) and the backoff schedule: pure functions, table-driven.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatLogTime, logTime, parseRequestLog } from '../../server/src/api';
import {
  backoffDelay,
  DEFAULT_RETRY,
  judge,
  MAX_RETRY_AFTER_MS,
  pointerFor,
  retryAfterMs,
} from '../../server/src/send';

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

test('Retry-After: seconds or an HTTP date, capped; anything else is ignored', () => {
  const now = Date.parse('2026-11-25T10:00:00Z');
  assert.equal(retryAfterMs('5', now), 5000);
  assert.equal(retryAfterMs(' 0 ', now), 0);
  assert.equal(retryAfterMs('Wed, 25 Nov 2026 10:00:30 GMT', now), 30_000);
  assert.equal(retryAfterMs('Wed, 25 Nov 2026 09:00:00 GMT', now), 0, 'a date in the past: now');
  assert.equal(retryAfterMs('86400', now), MAX_RETRY_AFTER_MS);
  for (const bad of [undefined, '', '-1', '1.5', 'soon']) assert.equal(retryAfterMs(bad, now), undefined, String(bad));
});

test('the request log: entries parsed leniently, malformed ones counted, 404 is "no log", times read back', () => {
  const entry = {
    requestId: '392',
    number: 'А26-05-84857211-СО1',
    createDate: '2020-08-03',
    departmentId: 'd',
    receiveDate: '2020-08-07 12:30:01.995389',
    dispatchDate: null,
    uploadDate: null,
    exceptionMessage: null,
    questions: [{ code: '0005.0005.0055.1122', status: 'NotRegistered' }],
  };
  const log = parseRequestLog({ status: 200, body: JSON.stringify([entry, 42, { number: 'x' }]), durationMs: 1 });
  assert.equal(log.kind, 'log');
  if (log.kind !== 'log') return;
  assert.equal(log.malformed, 2);
  assert.deepEqual(log.requests[0].questionCodes, ['0005.0005.0055.1122']);
  assert.equal(formatLogTime(logTime(entry.receiveDate)!), '2020-08-07 12:30:01.995000');
  assert.deepEqual(parseRequestLog({ status: 404, body: '', durationMs: 1 }), { kind: 'absent' });
  assert.deepEqual(parseRequestLog({ status: 200, body: '{}', durationMs: 1 }), { kind: 'error', status: 200 });
  assert.equal(
    pointerFor('Вопрос с кодом 0005.0005.0055.1122: ошибка', ['0001', '0005.0005.0055.1122']),
    '/questions/1/code',
  );
});
