// The CLI as users expect it: --version, a full --help for every command in both languages
// (from the help tables beside the commands), --lang checked, colour only when wanted.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import en from '../../l10n/cli.en.json';
import ru from '../../l10n/cli.ru.json';
import { bundleFor } from '../../server/src/l10n/messages';
import { GLOBAL_OPTIONS, type CommandHelp } from '../../server/src/cli/help';
import { useColor } from '../../server/src/cli/style';
import { commandHelps } from '../../server/src/cli/main';
import { CLI, ROOT, runCli } from './helpers/runCli';

// From main.ts's table: a command wired there is tested here without another line.
const HELPS: readonly CommandHelp[] = commandHelps();
const ESC = '\u001b[';
const version = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

function keysOf(help: CommandHelp): string[] {
  return [
    help.summaryKey,
    ...(help.descriptionKey ? [help.descriptionKey] : []),
    ...[...help.options, ...GLOBAL_OPTIONS].flatMap((o) => [o.key, ...(o.defaultKey ? [o.defaultKey] : [])]),
    ...help.exitCodes.map((e) => e.key),
  ];
}

test('every command has a help table (the seven of this release at least)', () => {
  const names = HELPS.map((h) => h.name);
  for (const name of ['check', 'pack', 'send', 'serve', 'departments', 'null-report', 'lsp'])
    assert.ok(names.includes(name), name);
  assert.equal(new Set(names).size, names.length);
});

test("every help table names texts that exist in Russian and English (cli.*.json or the command's own bundles), with exit codes and an example", () => {
  for (const help of HELPS) {
    for (const key of keysOf(help)) {
      assert.ok(key in bundleFor('en'), `${help.name}: ${key} missing in the English bundles`);
      assert.ok(key in bundleFor('ru'), `${help.name}: ${key} missing in the Russian bundles`);
    }
    assert.ok(help.exitCodes.some((e) => e.code === 0) && help.exitCodes.some((e) => e.code === 2), help.name);
    assert.ok(help.examples.length > 0 && help.examples.every((e) => e.startsWith(`rro ${help.name}`)), help.name);
  }
  assert.deepEqual(Object.keys(en).sort(), Object.keys(ru).sort());
});

test('rro --version and -v print the package version, exit 0', async () => {
  for (const flag of ['--version', '-v']) {
    const r = await runCli([flag]);
    assert.equal(r.code, 0);
    assert.equal(r.stdout.trim(), `rro ${version}`);
  }
});

test('rro COMMAND --help: exit 0, every option, exit code and example, different in ru and en', async () => {
  for (const help of HELPS) {
    const out: Record<string, string> = {};
    for (const lang of ['en', 'ru']) {
      const r = await runCli([help.name, '--help', '--lang', lang]);
      assert.equal(r.code, 0, `${help.name} --help --lang ${lang}: ${r.stderr}`);
      for (const o of help.options) assert.ok(r.stdout.includes(o.flags), `${help.name}: ${o.flags}`);
      for (const e of help.exitCodes)
        assert.match(r.stdout, new RegExp(`^  ${e.code} `, 'm'), `${help.name}: ${e.code}`);
      for (const e of help.examples) assert.ok(r.stdout.includes(e), `${help.name}: ${e}`);
      assert.ok(!r.stdout.includes(ESC), 'no colour into a pipe');
      out[lang] = r.stdout;
    }
    assert.notEqual(out.en, out.ru, help.name);
  }
  const ru = await runCli(['help', 'pack'], { env: { LANG: 'ru_RU.UTF-8' } });
  assert.equal(ru.code, 0);
  assert.match(ru.stdout, /--only-valid/);
});

test('rro --help lists every command; no command at all is a usage error on stderr', async () => {
  const r = await runCli(['--help']);
  assert.equal(r.code, 0);
  for (const help of HELPS) assert.match(r.stdout, new RegExp(`^  ${help.name} `, 'm'));
  const none = await runCli([]);
  assert.equal(none.code, 2);
  assert.equal(none.stdout, '');
  assert.match(none.stderr, /^  check /m);
});

test('an unknown --lang, or --lang without a value, is a usage error (exit 2, one line)', async () => {
  for (const args of [
    ['check', '--lang', 'de', 'x.json'],
    ['--lang=fr', '--version'],
    ['check', 'x.json', '--lang'],
    ['--lang', '--help'],
  ]) {
    const r = await runCli(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.equal(r.stdout, '');
    assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
  }
  for (const lang of ['ru', 'EN', 'ru_RU.UTF-8', 'en-US']) assert.equal((await runCli(['--lang', lang, '-v'])).code, 0);
});

test('colour: --color forces it, --no-color and NO_COLOR remove it, a terminal turns it on', async () => {
  assert.ok((await runCli(['check', '--help', '--color'])).stdout.includes(ESC));
  assert.ok(!(await runCli(['check', '--help', '--color', '--no-color'])).stdout.includes(ESC));
  assert.ok(!(await runCli(['check', '--help'])).stdout.includes(ESC));
  assert.equal(useColor(undefined, {}, true), true);
  assert.equal(useColor(undefined, { NO_COLOR: '1' }, true), false);
  assert.equal(useColor(undefined, { NO_COLOR: '' }, true), true);
  assert.equal(useColor(undefined, { TERM: 'dumb' }, true), false);
  assert.equal(useColor('never', {}, true), false);
  assert.equal(useColor('always', { NO_COLOR: '1' }, false), true);
  assert.equal(useColor(undefined, {}, false), false);
});

test('rro lsp --help exits 0; a path named --help after -- is a path', async () => {
  assert.equal((await runCli(['lsp', '--help'])).code, 0);
  const r = await runCli(['check', '--', '--help']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--help/);
});

/** `rro ARGS` on a real pseudo-terminal (Python's pty), its output as the terminal got it. */
function onTerminal(args: string[], env: NodeJS.ProcessEnv): string {
  const script = 'import pty, sys; pty.spawn(sys.argv[1:])';
  const r = spawnSync('python3', ['-c', script, process.execPath, CLI, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, LANG: 'C.UTF-8', ...env },
  });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

test('on a terminal: colour, unless NO_COLOR or --no-color', () => {
  assert.ok(onTerminal(['check', '--help'], {}).includes(ESC));
  assert.ok(!onTerminal(['check', '--help'], { NO_COLOR: '1' }).includes(ESC));
  assert.ok(!onTerminal(['check', '--help', '--no-color'], {}).includes(ESC));
  assert.ok(!onTerminal(['check', '--help'], { TERM: 'dumb' }).includes(ESC));
});
