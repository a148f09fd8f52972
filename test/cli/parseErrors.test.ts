// `rro check` and `rro pack` parse with parseCommandArgs like the other commands; a parse
// mistake is one line in the user's language, naming the option (the message key is asserted
// through the bundles, not the wording). Parse errors stop before any path is touched.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { message, type Lang } from '../../server/src/l10n/messages';
import { VALID_DIR } from './helpers/cases';
import { runCli } from './helpers/runCli';

const CASES: { args: string[]; key: string; params: Record<string, string> }[] = [
  { args: ['check', '--bogus', 'x'], key: 'check.unknownOption', params: { option: '--bogus' } },
  { args: ['check', 'x', '--format'], key: 'check.missingValue', params: { option: '--format' } },
  { args: ['check', '--quiet=yes', 'x'], key: 'check.unknownOption', params: { option: '--quiet' } },
  {
    args: ['pack', 'x', '-o', 'a.zip', '--frobnicate'],
    key: 'pack.error.unknownOption',
    params: { option: '--frobnicate' },
  },
  { args: ['pack', 'x', '-o'], key: 'pack.error.missingValue', params: { option: '--output' } },
  { args: ['pack', 'x', 'y', '-o', 'a.zip'], key: 'pack.error.extraArgument', params: { value: 'y' } },
];

for (const lang of ['ru', 'en'] as Lang[]) {
  test(`parse errors of check and pack in ${lang}`, async () => {
    for (const c of CASES) {
      const run = await runCli(['--lang', lang, ...c.args]);
      assert.equal(run.code, 2, c.args.join(' '));
      assert.equal(run.stderr, `rro ${c.args[0]}: ${message(c.key, c.params, lang)}\n`, c.args.join(' '));
    }
  });
}

test('options with =, repeated options, -q and paths after --', async () => {
  const run = await runCli([
    'check',
    '-q',
    '--format=json',
    '--rule',
    'date-future=off',
    '--rule=required=off',
    '--',
    VALID_DIR,
  ]);
  assert.equal(run.code, 0, run.stderr);
  const report = JSON.parse(run.stdout) as { files: unknown[] };
  assert.ok(report.files.length > 0);
});
