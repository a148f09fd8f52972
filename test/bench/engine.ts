// The engine benchmark (issue 2, «Speed»). Every figure is printed beside a baseline measured
// in the same run, as a ratio:
// - a folder of realistic appeals: read + engine `checkBytes` against read + `JSON.parse`
//   (target ≥ 0.7×), and against read + `JSON.parse` + ajv with the generated schema (≥ 1×);
// - a 10 MB document: engine (parse + analyze) against `JSON.parse` (target ≤ 3×);
// - peak RSS of a process that checks the whole folder (target < 300 MB), beside the same
//   process doing read + `JSON.parse` only.
// Options: --files N (default 10,000), --runs N (default 5 rounds), --folder DIR (reuse).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import { analyze, checkBytes, checkText, decodeBytes, parseDocument, type CheckOptions } from '../../server/src/engine';
import { appealSchema } from '../../server/src/format/schema';
import { DEFAULT_FILES, bigAttachmentAppeal, generateFolder, manyQuestionsAppeal } from './generate';
import { numberOption, ratioLine, stringOption, type BenchArgs } from './report';

const OPTIONS: CheckOptions = { today: '2026-11-25', expectRro: true };
const TEN_MB = 10 * 1024 * 1024;

type Pass = 'json' | 'engine' | 'ajv';

function listFiles(folder: string): string[] {
  return fs
    .readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .map((f) => path.join(folder, f));
}

/** One pass over the folder; returns files per second. */
function folderPass(files: readonly string[], pass: Pass): number {
  const validate = pass === 'ajv' ? new Ajv().compile(appealSchema()) : undefined;
  let sink = 0;
  const start = process.hrtime.bigint();
  for (const file of files) {
    if (pass === 'engine') {
      sink += checkBytes(fs.readFileSync(file), OPTIONS).findings.length;
    } else {
      const value: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
      if (validate && !validate(value)) sink++;
    }
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (sink < 0) console.log(sink); // keeps the work observable to the optimiser
  return files.length / seconds;
}

/**
 * Where the engine's time goes, files already in memory (no disk): decoding, parsing and the
 * rules, beside `toString` + `JSON.parse` on the same bytes. For whoever tunes the engine.
 */
function split(files: readonly string[]): void {
  const buffers = files.map((f) => fs.readFileSync(f));
  const ms = { decode: 0, parse: 0, rules: 0, json: 0 };
  const timed = <T>(key: keyof typeof ms, fn: () => T): T => {
    const start = process.hrtime.bigint();
    const out = fn();
    ms[key] += Number(process.hrtime.bigint() - start) / 1e6;
    return out;
  };
  for (let round = 0; round < 2; round++) {
    // The first round warms the JIT; only the second is kept.
    for (const key of Object.keys(ms) as (keyof typeof ms)[]) ms[key] = 0;
    for (const b of buffers) {
      timed('json', () => JSON.parse(b.toString('utf8')) as unknown);
      const { text } = timed('decode', () => decodeBytes(b));
      const doc = timed('parse', () => parseDocument(text));
      timed('rules', () => analyze(doc, OPTIONS));
    }
  }
  const engine = ms.decode + ms.parse + ms.rules;
  const parts = `decode ${ms.decode.toFixed(0)} + parse ${ms.parse.toFixed(0)} + rules ${ms.rules.toFixed(0)} ms`;
  console.log(
    ratioLine(
      'in memory, whole folder',
      `engine ${parts}`,
      `toString+JSON.parse ${ms.json.toFixed(0)} ms`,
      engine / ms.json,
    ),
  );
}

function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

function ms(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * `ours` against `baseline`, run back to back `runs` times after a warm-up: medians of each,
 * and the median of the per-pair ratios, which a machine whose load comes and goes disturbs
 * far less than a ratio of two separately measured medians.
 */
function paired(
  ours: () => unknown,
  baseline: () => unknown,
  runs: number,
): { ours: number; baseline: number; ratio: number } {
  ours();
  baseline();
  const o: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    b.push(ms(baseline));
    o.push(ms(ours));
  }
  return { ours: median(o), baseline: median(b), ratio: median(o.map((x, i) => x / b[i])) };
}

/** Peak RSS (MB) of a fresh process doing one pass; `process.resourceUsage().maxRSS` is in KB. */
function peakRssMb(folder: string, pass: Pass): number {
  const r = spawnSync(process.execPath, [__filename, '--probe', pass, folder], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`probe ${pass} failed: ${r.stderr.slice(-1000)}`);
  return Number(r.stdout.trim()) / 1024;
}

function tenMbDocuments(runs: number): void {
  const many = manyQuestionsAppeal(TEN_MB);
  for (const [label, text] of [
    ['10 MB document, one 10 MB attachment', bigAttachmentAppeal(TEN_MB)],
    [`10 MB document, ${many.questions.toLocaleString('en')} questions (stress)`, many.text],
  ] as const) {
    const r = paired(
      () => checkText(text, OPTIONS),
      () => JSON.parse(text),
      runs,
    );
    console.log(
      ratioLine(label, `engine ${r.ours.toFixed(1)} ms`, `JSON.parse ${r.baseline.toFixed(1)} ms`, r.ratio, { max: 3 }),
    );
    documentSplit(label, text, runs);
  }
}

/**
 * Where one document's time goes: the parser (text → tree) and the rules (tree → findings),
 * medians of `runs`, each beside `JSON.parse` of the same text (`findings` says how many the
 * rules made: the stress document repeats codes, so most of its questions are findings).
 */
function documentSplit(label: string, text: string, runs: number): void {
  const parse: number[] = [];
  const rules: number[] = [];
  const json: number[] = [];
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    json.push(ms(() => JSON.parse(text)));
    let doc: ReturnType<typeof parseDocument> | undefined;
    parse.push(ms(() => (doc = parseDocument(text))));
    rules.push(ms(() => (findings = analyze(doc!, OPTIONS).findings.length)));
  }
  const [p, r, j] = [median(parse), median(rules), median(json)];
  console.log(
    ratioLine(
      `${label}, split`,
      `parse ${p.toFixed(1)} (${(p / j).toFixed(1)}×) + rules ${r.toFixed(1)} ms (${(r / j).toFixed(1)}×), ${findings.toLocaleString('en')} findings`,
      `JSON.parse ${j.toFixed(1)} ms`,
      (p + r) / j,
    ),
  );
}

export function bench(args: BenchArgs): void {
  const count = numberOption(args, '--files') ?? DEFAULT_FILES;
  const runs = Math.max(1, numberOption(args, '--runs') ?? 5);
  const given = stringOption(args, '--folder');
  const work = given ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'rro-bench-engine-'));
  const folder = given ?? path.join(work!, 'appeals');
  try {
    if (!given) {
      const g = generateFolder(folder, count);
      console.log(
        `engine: ${g.files} appeals, ${(g.bytes / 1e6).toFixed(1)} MB, ${g.withAttachment} with a 40 KB attachment (${folder})`,
      );
    }
    // Figures from a busy machine are not comparable with a quiet one's: say which this was.
    const load = os.loadavg()[0].toFixed(1);
    console.log(`node ${process.version}, ${os.cpus().length} CPUs, load average ${load} at start`);
    const files = listFiles(folder);
    folderPass(files, 'json'); // warm the page cache and the JIT alike for every pass
    // Interleaved rounds: best throughput of each pass, and the median of the per-round
    // ratios (a busy machine slows neighbouring passes alike).
    const rounds: Record<Pass, number>[] = [];
    for (let i = 0; i < runs; i++) {
      rounds.push({
        json: folderPass(files, 'json'),
        engine: folderPass(files, 'engine'),
        ajv: folderPass(files, 'ajv'),
      });
    }
    const best = (pass: Pass): number => Math.max(...rounds.map((r) => r[pass]));
    const [json, engine, ajv] = [best('json'), best('engine'), best('ajv')];
    const vsJson = median(rounds.map((r) => r.engine / r.json));
    const vsAjv = median(rounds.map((r) => r.engine / r.ajv));
    const perS = (n: number): string => `${Math.round(n).toLocaleString('en')} files/s`;
    console.log(
      ratioLine('folder throughput', `engine ${perS(engine)}`, `read+JSON.parse ${perS(json)}`, vsJson, {
        min: 0.7,
      }),
    );
    console.log(
      ratioLine('folder throughput vs ajv', `engine ${perS(engine)}`, `read+JSON.parse+ajv ${perS(ajv)}`, vsAjv, {
        min: 1,
      }),
    );
    split(files);
    tenMbDocuments(Math.max(7, runs * 2));
    const rssEngine = peakRssMb(folder, 'engine');
    const rssJson = peakRssMb(folder, 'json');
    console.log(
      ratioLine(
        'peak RSS, whole folder',
        `engine ${rssEngine.toFixed(0)} MB`,
        `read+JSON.parse ${rssJson.toFixed(0)} MB`,
        rssEngine / rssJson,
        {
          note: `target < 300 MB: ${rssEngine < 300 ? 'ok' : 'MISSED'}`,
        },
      ),
    );
  } finally {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  }
}

// `--probe <pass> <folder>`: the child process of peakRssMb; prints its peak RSS in KB.
if (require.main === module && process.argv[2] === '--probe') {
  folderPass(listFiles(process.argv[4]), process.argv[3] as Pass);
  console.log(process.resourceUsage().maxRSS);
}
