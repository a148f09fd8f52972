// The language server benchmark (issue 3, «Speed»), through the real server over LSP:
// - didChange → diagnostics (pull, as VS Code does) for a ~2 KB appeal and for one with a
//   10 MB attachment, medians, beside the engine's own time for the same text in-process;
// - the startup scan of a workspace of N files (default 10,000) until every file's
//   diagnostics arrived, beside `rro check` on the same folder (target ≤ 1.5×).
// Run: `node out/test/bench/lsp.js [--files N] [--runs N] [--folder DIR]` after `npm run build`.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkText } from '../../server/src/engine';
import { CLI, LspTestClient } from '../lsp/client';
import { Random } from '../engine/mutation/prng';
import { DEFAULT_FILES, appealText, bigAttachmentAppeal, generateFolder } from './generate';
import { numberOption, ratioLine, stringOption, type BenchArgs } from './report';

const TODAY = '2026-11-25';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const ms = (x: number): string => `${x.toFixed(1)} ms`;

/** Where the `number` value starts: each round types one character there, as an editor would send it. */
function numberStart(text: string): { line: number; character: number; offset: number } {
  const offset = text.search(/"number": ?"/) + text.match(/"number": ?"/)![0].length;
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - (before.lastIndexOf('\n') + 1), offset };
}

async function changeToDiagnostics(
  client: LspTestClient,
  name: string,
  text: string,
  rounds: number,
): Promise<{ lsp: number; engine: number }> {
  const uri = `untitled:bench-${name}.json`;
  await client.open(uri, text);
  await client.pullDiagnostics(uri);
  const lsp: number[] = [];
  const engine: number[] = [];
  const at = numberStart(text);
  let current = text;
  for (let i = 0; i < rounds; i++) {
    const typed = String(i % 10);
    const next = current.slice(0, at.offset) + typed + current.slice(at.offset);
    current = next;
    const t0 = performance.now();
    await client.edit(uri, { start: at, end: at }, typed);
    await client.pullDiagnostics(uri);
    lsp.push(performance.now() - t0);
    const t1 = performance.now();
    checkText(next, { today: TODAY });
    engine.push(performance.now() - t1);
  }
  return { lsp: median(lsp), engine: median(engine) };
}

async function workspaceScan(folder: string, files: number): Promise<number> {
  let t0 = 0;
  let seen = 0;
  let done: () => void = () => undefined;
  const all = new Promise<void>((resolve) => (done = resolve));
  const client = await LspTestClient.start({ pull: true, folders: [folder], onSpawn: () => (t0 = performance.now()) });
  const stop = client.onPush(() => {
    if (++seen === files) done();
  });
  await all;
  const elapsed = performance.now() - t0;
  stop();
  await client.stop();
  return elapsed;
}

function rroCheck(folder: string): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [CLI, 'check', folder, '--format', 'json'], {
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  if (r.status === null) throw new Error('rro check did not finish');
  return performance.now() - t0;
}

export async function bench(args: BenchArgs): Promise<void> {
  const files = numberOption(args, '--files') ?? DEFAULT_FILES;
  const runs = numberOption(args, '--runs') ?? 3;
  const client = await LspTestClient.start({ pull: true });
  try {
    const small = appealText(new Random(3), 1, 0, 8);
    const s = await changeToDiagnostics(client, 'small', small, 100);
    console.log(
      ratioLine(
        `didChange→diagnostics, ${(small.length / 1024).toFixed(1)} KB appeal (median)`,
        ms(s.lsp),
        `engine alone ${ms(s.engine)}`,
        s.lsp / s.engine,
        { note: `target < 20 ms: ${s.lsp < 20 ? 'ok' : 'MISSED'}` },
      ),
    );
    const big = bigAttachmentAppeal(10 * 1024 * 1024);
    const b = await changeToDiagnostics(client, 'big', big, 15);
    console.log(
      ratioLine(
        `didChange→diagnostics, ${(big.length / 1048576).toFixed(1)} MB appeal (median)`,
        ms(b.lsp),
        `engine alone ${ms(b.engine)}`,
        b.lsp / b.engine,
        { note: `target < 300 ms: ${b.lsp < 300 ? 'ok' : 'MISSED'}` },
      ),
    );
  } finally {
    await client.stop();
  }
  const folder = stringOption(args, '--folder') ?? fs.mkdtempSync(path.join(os.tmpdir(), 'rro-bench-lsp-'));
  if (!stringOption(args, '--folder')) generateFolder(folder, files);
  const count = fs.readdirSync(folder).filter((f) => f.endsWith('.json')).length;
  const scans: number[] = [];
  const checks: number[] = [];
  for (let i = 0; i < runs; i++) {
    scans.push(await workspaceScan(folder, count));
    checks.push(rroCheck(folder));
  }
  const scan = Math.min(...scans);
  const check = Math.min(...checks);
  console.log(
    ratioLine(
      `workspace of ${count} files, server start → all diagnostics (best of ${runs})`,
      ms(scan),
      `rro check ${ms(check)}`,
      scan / check,
      { max: 1.5 },
    ),
  );
}

if (require.main === module) {
  bench(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
