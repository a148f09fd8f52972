// A second, independent LSP client: Neovim's built-in one (headless) runs the README's recipes
// (issue 14) from a folder outside the repository, with `rro` resolved on PATH as
// `npm install -g rro-tools` installs it, and must receive the same diagnostics (rule ids and
// positions) as our protocol client with the same settings.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CLI, FIXTURES, fileUri, LspTestClient, ROOT } from './client';

const hasNvim = spawnSync('nvim', ['--version']).status === 0;
/** Runs a short headless nvim; its TMPDIR (Neovim 0.10 puts its server socket there) is removed after. */
function nvimOnce(nvim: string, args: string[]): SpawnSyncReturns<string> {
  const tmp = mkdtempSync(path.join(tmpdir(), 'rro-nvim-'));
  try {
    return spawnSync(nvim, ['--headless', '-u', 'NONE', ...args, '-c', 'qall!'], {
      encoding: 'utf8',
      env: { ...process.env, TMPDIR: tmp },
    });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
/** `vim.lsp.start` (Neovim 0.8+) exists in that Neovim. */
function hasLspStart(nvim: string): boolean {
  const r = nvimOnce(nvim, ['-c', 'lua io.stdout:write(tostring(vim.lsp.start ~= nil))']);
  return r.status === 0 && r.stdout.includes('true');
}
/** A Neovim 0.8+ for the `vim.lsp.start` recipe: the installed one, or RRO_NVIM_RECENT (CI sets it to
 *  Debian trixie's Neovim unpacked by scripts/neovim-recent.py, since bookworm ships 0.7.2). */
const recentNvim = [process.env.RRO_NVIM_RECENT, hasNvim ? 'nvim' : undefined].find(
  (n): n is string => !!n && hasLspStart(n),
);

/** The Lua block of the README's `section:lsp` whose first line names `version`. */
function recipe(version: string): string {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('<!-- section:lsp -->'), readme.indexOf('<!-- /section:lsp -->'));
  const block = [...section.matchAll(/```lua\n([\s\S]*?)```/g)]
    .map((m) => m[1])
    .find((b) => b.startsWith(`-- ${version}`));
  assert.ok(block, `README section:lsp has a Lua block starting "-- ${version}"`);
  return block;
}

// Appended to the recipe: write the first non-empty diagnostics for the fixture to a file and
// quit. The recipe's client uses the global handlers, so wrapping them here sees them: pushed
// (publishDiagnostics, before 0.10) or pulled (textDocument/diagnostic, which 0.10 announces).
const HARNESS = `
local function seen(uri, diagnostics)
  if uri == vim.uri_from_fname(vim.env.RRO_FIXTURE) and diagnostics and #diagnostics > 0 then
    local lines = {}
    for _, d in ipairs(diagnostics) do
      table.insert(lines, string.format('%s %d:%d', d.code, d.range.start.line, d.range.start.character))
    end
    vim.fn.writefile(lines, vim.env.RRO_OUT)
    vim.cmd('qall!')
  end
end
local pushed = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  pushed(err, result, ctx, config)
  seen(result.uri, result.diagnostics)
end
local pulled = vim.lsp.handlers['textDocument/diagnostic']
if pulled then
  vim.lsp.handlers['textDocument/diagnostic'] = function(err, result, ctx, config)
    pulled(err, result, ctx, config)
    if result then seen(ctx.params.textDocument.uri, result.items) end
  end
end
vim.defer_fn(function() vim.cmd('cquit 3') end, 20000)
`;

async function runRecipe(version: string, settings: unknown, nvimBinary = 'nvim'): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'rro-nvim-'));
  try {
    // `rro` on PATH, the way a global npm install links it.
    const bin = path.join(dir, 'bin');
    mkdirSync(bin);
    writeFileSync(path.join(bin, 'rro'), `#!/bin/sh\nexec '${process.execPath}' '${CLI}' "$@"\n`);
    chmodSync(path.join(bin, 'rro'), 0o755);
    const work = path.join(dir, 'appeals');
    mkdirSync(work);
    const fixture = path.join(work, 'appeal.json');
    const text = readFileSync(path.join(FIXTURES, 'valid', 'answered.json'), 'utf8')
      .replace('"Answered"', '"answered"')
      .replace('"2016-11-02"', '"02.11.2016"');
    writeFileSync(fixture, text);
    const init = path.join(dir, 'init.lua');
    writeFileSync(init, recipe(version) + HARNESS);
    const out = path.join(dir, 'out.txt');
    const nvim = spawn(nvimBinary, ['--headless', '-i', 'NONE', '-u', init, 'appeal.json'], {
      cwd: work,
      env: {
        ...process.env,
        PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
        XDG_CONFIG_HOME: path.join(dir, 'config'),
        XDG_DATA_HOME: path.join(dir, 'data'),
        XDG_STATE_HOME: path.join(dir, 'state'),
        TMPDIR: dir,
        RRO_FIXTURE: fixture,
        RRO_OUT: out,
      },
      stdio: 'ignore',
    });
    const code = await new Promise<number | null>((resolve) => nvim.on('exit', resolve));
    assert.equal(code, 0, 'nvim exits after receiving diagnostics');
    const fromNvim = readFileSync(out, 'utf8').trim().split('\n').sort();

    const client = await LspTestClient.start({ folders: [work], settings: () => settings });
    try {
      const pushed = await client.waitForPush(fileUri(fixture), (p) => p.diagnostics.length > 0, true);
      const ours = pushed.diagnostics
        .map((d) => `${String(d.code)} ${d.range.start.line}:${d.range.start.character}`)
        .sort();
      assert.deepEqual(fromNvim, ours);
      assert.ok(ours.some((l) => l.startsWith('rro/status-value ')));
      assert.ok(ours.some((l) => l.startsWith('rro/date-format ')));
    } finally {
      await client.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('Neovim as a second client', { skip: !hasNvim && 'nvim is not installed (CI installs Debian neovim)' }, () => {
  it('the README recipe for Neovim 0.7+ (vim.lsp.start_client) works from any folder', () =>
    runRecipe('Neovim 0.7+', { exclude: ['**/drafts'], rules: { 'rro/date-future': 'off' } }));

  it('the README recipe for Neovim 0.8+ (vim.lsp.start) works from any folder', async (t) => {
    if (recentNvim) return runRecipe('Neovim 0.8+', { exclude: ['**/drafts'] }, recentNvim);
    // An older Neovim (Debian's 0.7.2) can still compile it: no syntax error at least.
    const dir = mkdtempSync(path.join(tmpdir(), 'rro-nvim-'));
    try {
      const file = path.join(dir, 'recipe.lua');
      writeFileSync(file, recipe('Neovim 0.8+'));
      const r = nvimOnce('nvim', ['-c', `lua assert(loadfile('${file}'))`]);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stderr, '');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    t.skip('compiled only: no Neovim 0.8+ here (set RRO_NVIM_RECENT, see scripts/neovim-recent.py)');
  });
});
