// Benchmark: `rro pack` (dist/cli.js) against Info-ZIP `zip -r` at the same level (6) on a
// folder of 10,000 realistic appeals (~71 MB, generate.ts). Prints the time ratio (target
// ≤ 1.2×), the archive size ratio (target within 3%) and our peak memory (target < 120 MB),
// measured in child processes by /usr/bin/time -v. Beside them jszip 3.10, the library the
// design card named (docs/architecture.md «ZIP reader and writer»): writing the same folder,
// and reading our archive back with CRC checks against our own reader. Not part of `npm test`:
//   npm run bench -- pack [--files N] [--runs N] [--folder DIR]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DEFAULT_FILES, generateFolder } from './generate';
import { numberOption, ratioLine, stringOption, type BenchArgs } from './report';

const REPO = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(REPO, 'dist', 'cli.js');
const BASELINES = path.join(__dirname, 'packJszip.js');

interface Measured {
  seconds: number;
  /** User + system CPU seconds: steadier than wall time when the machine is busy. */
  cpuSeconds: number;
  maxRssMb: number;
  bytes: number;
}

export interface PackBenchResult {
  files: number;
  inputMb: number;
  ours: Measured;
  infoZip: Measured;
  jszipWrite: Measured;
  oursRead: Measured;
  jszipRead: Measured;
  timeRatio: number;
  sizeRatio: number;
}

/**
 * Run a command under /usr/bin/time -v: wall time measured here, peak RSS from its report.
 * `output` is the file it writes (removed first, its size reported), or `read` the one it reads.
 */
function timed(command: string, args: string[], cwd: string, output: string, read = false): Measured {
  if (!read) rmSync(output, { force: true });
  const started = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-v', command, ...args], { cwd, encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-2000)}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  if (!rss) throw new Error(`cannot read /usr/bin/time output: ${r.stderr.slice(-500)}`);
  const user = /User time \(seconds\): ([\d.]+)/.exec(r.stderr);
  const system = /System time \(seconds\): ([\d.]+)/.exec(r.stderr);
  const cpuSeconds = Number(user?.[1] ?? 0) + Number(system?.[1] ?? 0);
  return { seconds, cpuSeconds, maxRssMb: Number(rss[1]) / 1024, bytes: statSync(output).size };
}

function median(values: Measured[]): Measured {
  const sorted = [...values].sort((a, b) => a.seconds - b.seconds);
  const mid = sorted[Math.floor(sorted.length / 2)];
  return { ...mid, maxRssMb: Math.max(...values.map((v) => v.maxRssMb)) };
}

export function runPackBench(options: { files?: number; runs?: number; folder?: string } = {}): PackBenchResult {
  const work = mkdtempSync(path.join(tmpdir(), 'rro-bench-pack-'));
  try {
    const folder = options.folder ?? path.join(work, 'appeals');
    const { files, bytes } = options.folder
      ? measureFolder(folder)
      : generateFolder(folder, options.files ?? DEFAULT_FILES);
    const ours: Measured[] = [];
    const infoZip: Measured[] = [];
    const jszipWrite: Measured[] = [];
    const oursRead: Measured[] = [];
    const jszipRead: Measured[] = [];
    const oursZip = path.join(work, 'ours.zip');
    const refZip = path.join(work, 'infozip.zip');
    const jsZip = path.join(work, 'jszip.zip');
    const node = (...args: string[]): string[] => [BASELINES, ...args];
    // Alternate the two, after one warm-up each, so the page cache treats them alike.
    const runs = Math.max(1, options.runs ?? 3);
    for (let i = 0; i <= runs; i++) {
      const a = timed(
        process.execPath,
        [CLI, 'pack', folder, '-o', oursZip, '--allow-errors', '--today', '2026-11-25'],
        work,
        oursZip,
      );
      const b = timed('zip', ['-r', '-q', '-6', refZip, '.'], folder, refZip);
      const c = timed(process.execPath, node('jszip-write', folder, jsZip), work, jsZip);
      const d = timed(process.execPath, node('ours-read', oursZip), work, oursZip, true);
      const e = timed(process.execPath, node('jszip-read', oursZip), work, oursZip, true);
      if (i > 0) {
        ours.push(a);
        infoZip.push(b);
        jszipWrite.push(c);
        oursRead.push(d);
        jszipRead.push(e);
      }
    }
    const o = median(ours);
    const z = median(infoZip);
    return {
      files,
      inputMb: bytes / 1e6,
      ours: o,
      infoZip: z,
      jszipWrite: median(jszipWrite),
      oursRead: median(oursRead),
      jszipRead: median(jszipRead),
      timeRatio: o.seconds / z.seconds,
      sizeRatio: o.bytes / z.bytes,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function measureFolder(folder: string): { files: number; bytes: number } {
  const names = readdirSync(folder).filter((n) => n.endsWith('.json'));
  return { files: names.length, bytes: names.reduce((sum, n) => sum + statSync(path.join(folder, n)).size, 0) };
}

export function bench(args: BenchArgs): void {
  const r = runPackBench({
    files: numberOption(args, '--files'),
    runs: numberOption(args, '--runs'),
    folder: stringOption(args, '--folder'),
  });
  const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(2)} MB`;
  const cpu = (m: Measured): string => `${m.cpuSeconds.toFixed(2)} s`;
  console.log(`pack: ${r.files} appeals, ${r.inputMb.toFixed(1)} MB; rro pack vs zip -r -q -6, median of the runs`);
  console.log(
    ratioLine('time', `rro pack ${r.ours.seconds.toFixed(2)} s`, `zip ${r.infoZip.seconds.toFixed(2)} s`, r.timeRatio, {
      max: 1.2,
    }),
  );
  console.log(
    ratioLine(
      'CPU time (user+sys)',
      `rro pack ${cpu(r.ours)}`,
      `zip ${cpu(r.infoZip)}`,
      r.ours.cpuSeconds / r.infoZip.cpuSeconds,
      {
        note: 'for reading the time on a busy machine',
      },
    ),
  );
  console.log(
    ratioLine('archive size', `rro pack ${mb(r.ours.bytes)}`, `zip ${mb(r.infoZip.bytes)}`, r.sizeRatio, {
      min: 0.97,
      max: 1.03,
    }),
  );
  const memoryOk = r.ours.maxRssMb < 120 ? 'ok' : 'MISSED';
  console.log(
    ratioLine(
      'peak RSS',
      `rro pack ${r.ours.maxRssMb.toFixed(0)} MB`,
      `zip ${r.infoZip.maxRssMb.toFixed(0)} MB`,
      r.ours.maxRssMb / r.infoZip.maxRssMb,
      { note: `(target < 120 MB) ${memoryOk}` },
    ),
  );
  const secMb = (m: Measured): string => `${m.seconds.toFixed(2)} s, ${m.maxRssMb.toFixed(0)} MB`;
  console.log(
    ratioLine(
      'write, jszip 3.10',
      `rro pack ${secMb(r.ours)}`,
      `jszip ${secMb(r.jszipWrite)}`,
      r.ours.seconds / r.jszipWrite.seconds,
      {
        note: `memory ${(r.ours.maxRssMb / r.jszipWrite.maxRssMb).toFixed(2)}×; jszip archive ${mb(r.jszipWrite.bytes)}`,
      },
    ),
  );
  console.log(
    ratioLine(
      'read all + CRC',
      `ZipReader ${secMb(r.oursRead)}`,
      `jszip ${secMb(r.jszipRead)}`,
      r.oursRead.seconds / r.jszipRead.seconds,
      { note: `memory ${(r.oursRead.maxRssMb / r.jszipRead.maxRssMb).toFixed(2)}×` },
    ),
  );
}

if (require.main === module) bench(process.argv.slice(2));
