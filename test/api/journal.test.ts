// Reading reports back: a version-1 report (pending/interrupted) is read in today's states, and
// a killed run's journal turns a request that was sent but never answered into `unknown`.
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { loadReport } from '../../server/src/send';
import { tempDir } from './helpers';

const entry = (i: number, status: string): Record<string, unknown> => ({
  file: `f-${i}.json`,
  path: `/x/f-${i}.json`,
  sha256: 'ab'.repeat(32),
  status,
  attempts: status === 'pending' || status === 'not-sent' ? 0 : 1,
});

test('a version-1 report: pending → not-sent, interrupted → unknown (since the run started)', () => {
  const dir = tempDir();
  try {
    const file = path.join(dir, 'send-old.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'rro-send-report',
        version: 1,
        url: 'http://h',
        startedAt: '2026-11-25T10:00:00.000Z',
        state: 'cancelled',
        journal: 'send-old.journal.jsonl',
        totals: {},
        files: [entry(1, 'accepted'), entry(2, 'interrupted'), entry(3, 'pending')],
      }),
    );
    const report = loadReport(file);
    assert.equal(report.version, 2);
    assert.deepEqual(
      report.files.map((f) => [f.status, f.unknownSince]),
      [
        ['accepted', undefined],
        ['unknown', '2026-11-25T10:00:00.000Z'],
        ['not-sent', undefined],
      ],
    );
    assert.deepEqual(report.totals, { accepted: 1, rejected: 0, failed: 0, unknown: 1, skipped: 0, 'not-sent': 1 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a killed run: `sending` without `result` is unknown since its line; a torn last line is ignored', () => {
  const dir = tempDir();
  try {
    const file = path.join(dir, 'send-k.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'rro-send-report',
        version: 2,
        url: 'http://h',
        startedAt: '2026-11-25T10:00:00.000Z',
        state: 'running',
        journal: 'send-k.journal.jsonl',
        totals: {},
        files: [entry(1, 'not-sent'), entry(2, 'not-sent'), entry(3, 'not-sent')],
      }),
    );
    const lines = [
      { t: 'sending', i: 0, at: '2026-11-25T10:00:01.000Z' },
      { t: 'result', i: 0, entry: { ...entry(1, 'accepted'), httpStatus: 204 } },
      { t: 'sending', i: 1, at: '2026-11-25T10:00:02.000Z' },
    ];
    writeFileSync(
      path.join(dir, 'send-k.journal.jsonl'),
      lines.map((l) => JSON.stringify(l)).join('\n') + '\n{"t":"sen',
    );
    const report = loadReport(file);
    assert.deepEqual(
      report.files.map((f) => [f.status, f.reason, f.unknownSince]),
      [
        ['accepted', undefined, undefined],
        ['unknown', 'killed', '2026-11-25T10:00:02.000Z'],
        ['not-sent', undefined, undefined],
      ],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
