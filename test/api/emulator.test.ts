// The emulator's own rules (spec §3.3, §5), over real HTTP on 127.0.0.1.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as path from 'node:path';
import { loadState, startEmulator, type Emulator, type StoredAppeal } from '../../server/src/emulator';
import { STATUS_IDS, transition, type StatusId } from '../../server/src/format/table';
import { appeal, DEPARTMENT, final, httpJson, inWork, OTHER_DEPARTMENT, tempDir, transferred } from './helpers';

const IMPORT = '/IPCP/HandlingReportPlugin/Api/Import';

async function post(emu: Emulator, body: unknown): Promise<{ status: number; message: string }> {
  const res = await httpJson('POST', emu.url + IMPORT, body);
  const message = (res.json as { exceptionMessage?: string } | undefined)?.exceptionMessage ?? '';
  return { status: res.status, message };
}

async function stored(emu: Emulator): Promise<StoredAppeal[]> {
  const res = await httpJson('GET', emu.url + '/IPCP/state');
  assert.equal(res.status, 200);
  return (res.json as { appeals: StoredAppeal[] }).appeals;
}

function questionFor(status: StatusId, code: string): Record<string, unknown> {
  if (status === 'Transferred') return transferred(code);
  if (status === 'NotReceived') return { code, status };
  if (status === 'NotRegistered') return { code, status, incomingDate: '2026-01-11' };
  if (status === 'InWork') return inWork(code);
  return final(code, status, `${status}-${code}.txt`, `${status} ${code}`);
}

test('every status transition of §5 is applied or refused as transition() says', async () => {
  const emu = await startEmulator();
  try {
    let n = 0;
    for (const from of STATUS_IDS) {
      for (const to of STATUS_IDS) {
        const number = `T-${++n}`;
        assert.equal((await post(emu, appeal(number, [questionFor(from, '0015')]))).status, 204, `create ${from}`);
        // A second attachment with the same name would be a duplicate: give each step its own.
        const next = questionFor(to, '0015');
        if (next.attachment)
          next.attachment = { name: `second-${to}.txt`, content: Buffer.from(`2 ${to}`).toString('base64') };
        const res = await post(emu, appeal(number, [next]));
        const expected = transition(from, to);
        const q = (await stored(emu)).find((a) => a.number === number)!.questions[0];
        if (expected === 'invalid') {
          assert.equal(res.status, 500, `${from} → ${to} must be refused`);
          assert.match(res.message, /^Вопрос с кодом 0015: /);
          assert.equal(q.status, from);
        } else {
          assert.equal(res.status, 204, `${from} → ${to}: ${res.message}`);
          assert.equal(q.status, expected === 'transfer-record' ? from : to, `${from} → ${to}`);
          if (expected === 'transfer-record') assert.equal(q.transfers.length, 1);
          if (to === 'LeftWithoutAnswer')
            assert.equal(q.attachment, undefined, 'LeftWithoutAnswer drops the attachment');
        }
      }
    }
  } finally {
    await emu.close();
  }
});

test('incoming and registration dates change only while the question is in an initial status', async () => {
  const emu = await startEmulator();
  try {
    assert.equal((await post(emu, appeal('D-1', [final('0015', 'Answered')]))).status, 204);
    const later = {
      ...final('0015', 'Explained', 'другой.txt', 'другой ответ'),
      incomingDate: '2026-01-13',
      registrationDate: '2026-01-14',
    };
    assert.equal((await post(emu, appeal('D-1', [later]))).status, 204);
    const q = (await stored(emu))[0].questions[0];
    assert.deepEqual([q.status, q.incomingDate, q.registrationDate], ['Explained', '2026-01-11', '2026-01-12']);
  } finally {
    await emu.close();
  }
});

test('А26 numbers (Cyrillic А) must exist; a Latin A26 creates; seeds come from the data file', async () => {
  const dir = tempDir();
  const data = path.join(dir, 'state.json');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(
    data,
    JSON.stringify({
      appeals: [
        { number: 'А26-00-000000001', createDate: '2026-01-10', questions: [{ code: '0015', status: 'InWork' }] },
      ],
    }),
  );
  const emu = await startEmulator({ state: await loadState(data), dataFile: data });
  try {
    const missing = await post(emu, appeal('А26-00-000000002'));
    assert.equal(missing.status, 500);
    assert.match(missing.message, /А26-00-000000002/);
    assert.equal((await post(emu, appeal('А26-00-000000001', [final('0015', 'Answered')]))).status, 204);
    assert.equal((await post(emu, appeal('A26-00-000000002'))).status, 204, 'Latin A is an ordinary number');
    const appeals = await stored(emu);
    assert.deepEqual(
      appeals.map((a) => [a.number, a.questions[0].status]),
      [
        ['А26-00-000000001', 'Answered'],
        ['A26-00-000000002', 'InWork'],
      ],
    );
  } finally {
    await emu.close();
  }
  // The state survives a restart.
  const again = await startEmulator({ state: await loadState(data), dataFile: data });
  try {
    assert.equal((await stored(again)).length, 2);
    assert.equal((await post(again, appeal('A26-00-000000002'))).status, 204);
    assert.equal((await stored(again)).length, 2, 'matched by number + createDate, updated');
  } finally {
    await again.close();
  }
});

test('other numbers: number + createDate + name/address loosely match; a different applicant is a new appeal', async () => {
  const emu = await startEmulator();
  try {
    assert.equal((await post(emu, appeal('N-1'))).status, 204);
    assert.equal((await post(emu, appeal('N-1', [inWork('0015')], { name: '  тестов   ТЕСТ тестович ' }))).status, 204);
    assert.equal((await post(emu, appeal('N-1', [inWork('0015')], { createDate: '2026-01-09' }))).status, 204);
    assert.equal(
      (await post(emu, appeal('N-1', [inWork('0015')], { name: 'Другой Человек', address: 'г. Тула' }))).status,
      204,
    );
    const appeals = await stored(emu);
    assert.equal(appeals.length, 3);
    assert.equal(appeals[0].imports, 2);
  } finally {
    await emu.close();
  }
});

test('an attachment uploaded twice is an error pointing at the question; nothing changes', async () => {
  const emu = await startEmulator();
  try {
    assert.equal((await post(emu, appeal('F-1', [inWork('0001'), final('0015', 'Answered')]))).status, 204);
    const again = await post(emu, appeal('F-1', [final('0001', 'Explained', 'x.txt'), final('0015', 'Explained')]));
    assert.equal(again.status, 500);
    assert.match(again.message, /^Вопрос с кодом 0015: /);
    const q = (await stored(emu))[0].questions;
    assert.deepEqual(
      q.map((x) => x.status),
      ['InWork', 'Answered'],
      'a rejected import changes nothing',
    );
    // Once uploaded, a final status may come without the file.
    const withoutFile = { ...final('0015', 'Explained') };
    delete withoutFile.attachment;
    assert.equal((await post(emu, appeal('F-1', [withoutFile]))).status, 204);
    const state = await httpJson('GET', emu.url + '/state');
    assert.doesNotMatch(state.body, /content/, '/state never shows attachment contents');
  } finally {
    await emu.close();
  }
});

test('transfers become records; a second transfer to the same body changes its date', async () => {
  const emu = await startEmulator();
  try {
    assert.equal((await post(emu, appeal('X-1', [transferred('0015')]))).status, 204);
    assert.equal((await post(emu, appeal('X-1', [transferred('0015', OTHER_DEPARTMENT, '2026-01-18')]))).status, 204);
    const third = '11111111-2222-3333-4444-555555555555';
    assert.equal((await post(emu, appeal('X-1', [transferred('0015', third, '2026-01-19')]))).status, 204);
    const q = (await stored(emu))[0].questions[0];
    assert.deepEqual(
      q.transfers.map((t) => [t.departmentId, t.transferDate]),
      [
        [OTHER_DEPARTMENT, '2026-01-18'],
        [third, '2026-01-19'],
      ],
    );
    const same = await post(emu, appeal('X-1', [transferred('0015', DEPARTMENT)]));
    assert.equal(same.status, 500, 'a transfer to the appeal’s own department is invalid (engine rule)');
    assert.match(same.message, /^Вопрос с кодом 0015: /);
  } finally {
    await emu.close();
  }
});

test('invalid bodies get a Russian exceptionMessage; wrong content type and paths are refused', async () => {
  const emu = await startEmulator();
  try {
    const broken = await post(emu, '{"departmentId": ');
    assert.equal(broken.status, 500);
    assert.ok(broken.message.length > 0);
    const badDate = await post(emu, appeal('B-1', [{ ...inWork('0015'), registrationDate: '2026-13-45' }]));
    assert.equal(badDate.status, 500);
    assert.match(badDate.message, /^Вопрос с кодом 0015: /);
    const text = await httpJson('POST', emu.url + IMPORT, JSON.stringify(appeal('B-2')), {
      'Content-Type': 'text/plain',
    });
    assert.equal(text.status, 415);
    assert.equal((await httpJson('POST', emu.url + '/nope')).status, 404);
    assert.equal((await httpJson('GET', emu.url + IMPORT)).status, 405);
    assert.equal(emu.stats.accepted, 0);
  } finally {
    await emu.close();
  }
});

test('SearchDepartments: at least 5 characters, case-insensitive substring, at most 50', async () => {
  const departments = Array.from({ length: 60 }, (_, i) => ({
    id: `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`,
    name: `Калужская область / Район ${i} / Администрация`,
  }));
  departments.push({ id: DEPARTMENT, name: 'Калужская область / Никольское сельское поселение' });
  const emu = await startEmulator({ departments });
  const search = (name: string): Promise<{ json: unknown }> =>
    httpJson('POST', emu.url + '/HandlingReportPlugin/Api/SearchDepartments', { name });
  try {
    assert.deepEqual((await search('Нико')).json, []);
    assert.deepEqual((await search('НИКОЛЬСКОЕ')).json, [departments[60]]);
    assert.equal(((await search('калужская')).json as unknown[]).length, 50);
  } finally {
    await emu.close();
  }
});
