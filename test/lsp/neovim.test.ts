// A second, independent LSP client: Neovim's built-in one (headless) runs `rro lsp --stdio`
// on a fixture and must receive the same diagnostics (rule ids and positions) as our client.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CLI, FIXTURES, fileUri, LspTestClient } from './client';
import { makeTempDir } from '../tempDir';

const hasNvim = spawnSync('nvim', ['--version']).status === 0;

// The client script: start the server for the buffer, write what the first non-empty
// publishDiagnostics carries to a file, quit. Neovim's own timer ends a run that hangs.
const LUA = `
local buf = vim.api.nvim_get_current_buf()
local id = vim.lsp.start_client({
  name = 'rro',
  cmd = { vim.env.RRO_NODE, vim.env.RRO_CLI, 'lsp', '--stdio' },
  root_dir = vim.fn.fnamemodify(vim.env.RRO_FIXTURE, ':h'),
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
      if result.uri == vim.uri_from_bufnr(buf) and #result.diagnostics > 0 then
        local lines = {}
        for _, d in ipairs(result.diagnostics) do
          table.insert(lines, string.format('%s %d:%d', d.code, d.range.start.line, d.range.start.character))
        end
        vim.fn.writefile(lines, vim.env.RRO_OUT)
        vim.cmd('qall!')
      end
    end,
  },
})
vim.lsp.buf_attach_client(buf, id)
vim.defer_fn(function() vim.cmd('cquit 3') end, 20000)
`;

describe('Neovim as a second client', { skip: !hasNvim && 'nvim is not installed (CI installs Debian neovim)' }, () => {
  it('receives the same diagnostics as the protocol client', async () => {
    const dir = makeTempDir('rro-nvim-');
    const fixture = path.join(dir, 'appeal.json');
    const text = readFileSync(path.join(FIXTURES, 'valid', 'answered.json'), 'utf8')
      .replace('"Answered"', '"answered"')
      .replace('"2016-11-02"', '"02.11.2016"');
    writeFileSync(fixture, text);
    writeFileSync(path.join(dir, 'client.lua'), LUA);
    const out = path.join(dir, 'out.txt');
    const nvim = spawn(
      'nvim',
      ['--headless', '--clean', '-u', 'NONE', fixture, '-c', `luafile ${path.join(dir, 'client.lua')}`],
      {
        env: { ...process.env, RRO_FIXTURE: fixture, RRO_OUT: out, RRO_CLI: CLI, RRO_NODE: process.execPath },
        stdio: 'ignore',
      },
    );
    const code = await new Promise<number | null>((resolve) => nvim.on('exit', resolve));
    assert.equal(code, 0, 'nvim exits after receiving diagnostics');
    const fromNvim = readFileSync(out, 'utf8').trim().split('\n').sort();

    const client = await LspTestClient.start({ folders: [dir] });
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
  });
});
