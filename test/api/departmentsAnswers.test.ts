// `rro departments` against hostile SearchDepartments answers on a real 127.0.0.1 server:
// not a list, 10,000 items, ids that are not GUIDs, control characters in names.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { DEPARTMENT, runCli } from './helpers';

let answer = '[]';
let server: Server;
let url = '';

before(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function departments(body: unknown, ...extra: string[]): ReturnType<typeof runCli> {
  answer = typeof body === 'string' ? body : JSON.stringify(body);
  return runCli(['departments', 'никольское', '--url', url, ...extra]);
}

const guid = (n: number): string => `${n.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`;

test('an answer that is not a list is one clear error (exit 2), not a crash', async () => {
  for (const body of ['{"id":"x"}', 'null', '"text"', 'not json']) {
    const r = await departments(body);
    assert.equal(r.code, 2, body);
    assert.match(r.stderr, /SearchDepartments/);
    assert.equal(r.stdout, '');
  }
});

test('10,000 items: 50 shown, the rest counted on stderr', async () => {
  const items = Array.from({ length: 10_000 }, (_, i) => ({ id: guid(i), name: `Орган ${i}` }));
  const r = await departments(items);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout.trim().split('\n').length, 50);
  assert.match(r.stderr, /9950/);
  const json = await departments(items, '--format', 'json');
  assert.equal((JSON.parse(json.stdout) as unknown[]).length, 50);
});

test('ids that are not GUIDs, missing names, non-objects: skipped and counted', async () => {
  const r = await departments([
    { id: DEPARTMENT, name: 'Калужская область / Никольское' },
    { id: '1', name: 'short id' },
    { id: `${DEPARTMENT}\n00000000-0000-0000-0000-000000000000  accepted`, name: 'forged line' },
    { id: guid(7) },
    { id: guid(8), name: 42 },
    'a string',
    null,
    [DEPARTMENT, 'array'],
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, `${DEPARTMENT}  Калужская область / Никольское\n`);
  assert.match(r.stderr, /\b7\b/);
  const none = await departments([{ id: 'nope', name: 'x' }]);
  assert.equal(none.code, 1);
  assert.equal(none.stdout, '');
  assert.match(none.stderr, /\b1\b/);
});

test('control characters in names are escaped in text and JSON output: no forged lines, no escapes', async () => {
  const name = 'Орган\n00000000-0000-0000-0000-000000000000  ПРИНЯТО\u001b[2J\u202e';
  const r = await departments([{ id: DEPARTMENT, name }]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout.split('\n').length, 2, 'one line and the final newline');
  assert.doesNotMatch(r.stdout, /[\u0000-\u0009\u000b-\u001f\u202e]/);
  assert.ok(r.stdout.includes('\\x0a') && r.stdout.includes('\\x1b') && r.stdout.includes('\\u202e'));
  const json = await departments([{ id: DEPARTMENT, name }], '--format', 'json');
  const [d] = JSON.parse(json.stdout) as { name: string }[];
  assert.doesNotMatch(d.name, /[\u0000-\u001f\u202e]/);
});
