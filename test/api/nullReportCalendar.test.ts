// `rro null-report` on the local calendar (as `rro check` judges "today"): at 02:00 on
// 1 December in Moscow (23:00 on 30 November UTC) November has ended and is the default.
// The clock is moved by Debian's faketime (installed by .ci/run), the real binary runs under it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { CLI, DEPARTMENT } from './helpers';

const hasFaketime = spawnSync('faketime', ['--version']).status === 0;

function nullReportAt(when: string, tz: string, ...args: string[]): { code: number | null; stdout: string } {
  const r = spawnSync('faketime', [when, process.execPath, CLI, 'null-report', '--department', DEPARTMENT, ...args], {
    encoding: 'utf8',
    env: { ...process.env, TZ: tz, LANG: 'C', LC_ALL: '' },
  });
  return { code: r.status, stdout: r.stdout };
}

test(
  '02:00 on the 1st in Moscow: the default month is the one that just ended, and it is accepted',
  { skip: !hasFaketime && 'faketime is not installed' },
  () => {
    const dflt = nullReportAt('2026-12-01 02:00:00', 'Europe/Moscow');
    assert.equal(dflt.code, 0);
    assert.deepEqual(
      [(JSON.parse(dflt.stdout) as { year: number }).year, (JSON.parse(dflt.stdout) as { month: number }).month],
      [2026, 11],
    );
    assert.equal(nullReportAt('2026-12-01 02:00:00', 'Europe/Moscow', '--year', '2026', '--month', '11').code, 0);
    assert.equal(nullReportAt('2026-12-01 02:00:00', 'Europe/Moscow', '--year', '2026', '--month', '12').code, 2);
  },
);

test(
  '23:00 on 30 November in Moscow: November has not ended yet',
  { skip: !hasFaketime && 'faketime is not installed' },
  () => {
    assert.equal(nullReportAt('2026-11-30 23:00:00', 'Europe/Moscow', '--year', '2026', '--month', '11').code, 2);
    const dflt = nullReportAt('2026-11-30 23:00:00', 'Europe/Moscow');
    assert.equal((JSON.parse(dflt.stdout) as { month: number }).month, 10);
  },
);

test(
  'the year boundary: 00:30 on 1 January in Vladivostok proposes December of the year before',
  { skip: !hasFaketime && 'faketime is not installed' },
  () => {
    const dflt = nullReportAt('2027-01-01 00:30:00', 'Asia/Vladivostok');
    assert.equal(dflt.code, 0);
    const p = JSON.parse(dflt.stdout) as { year: number; month: number };
    assert.deepEqual([p.year, p.month], [2026, 12]);
  },
);
