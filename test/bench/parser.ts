// `npm run bench -- parser`: why the engine has a JSON parser of its own (docs/architecture.md).
// The engine needs an offset tree (every node's offset and length, keys as written); JSON.parse
// gives none, jsonc-parser gives one. This bench times the three on the same texts, in memory:
// realistic appeals (the engine bench's generator), one 10 MB attachment, 10 MB of questions.
import { parseTree } from 'jsonc-parser';
import { parseDocument } from '../../server/src/engine';
import { Random } from '../engine/mutation/prng';
import { appealText, bigAttachmentAppeal, manyQuestionsAppeal } from './generate';
import { numberOption, ratioLine, type BenchArgs } from './report';

/** Best of `runs` timings of `work` over every text, in ms. */
function best(texts: readonly string[], runs: number, work: (t: string) => unknown): number {
  let min = Infinity;
  for (let r = 0; r < runs; r++) {
    const start = process.hrtime.bigint();
    for (const t of texts) work(t);
    min = Math.min(min, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return min;
}

function compare(what: string, texts: readonly string[], runs: number): void {
  const native = best(texts, runs, (t) => JSON.parse(t));
  const ours = best(texts, runs, (t) => parseDocument(t));
  const jsonc = best(texts, runs, (t) => parseTree(t));
  const ms = (n: number): string => `${n.toFixed(1)} ms`;
  console.log(ratioLine(`${what}, engine parser`, ms(ours), `JSON.parse ${ms(native)}`, ours / native));
  console.log(ratioLine(`${what}, jsonc-parser`, ms(jsonc), `JSON.parse ${ms(native)}`, jsonc / native));
}

export function bench(args: BenchArgs): void {
  const files = numberOption(args, '--files') ?? 2000;
  const runs = numberOption(args, '--runs') ?? 5;
  const rnd = new Random(2016);
  const appeals = Array.from({ length: files }, (_, n) => appealText(rnd, n, rnd.chance(0.1) ? 40 * 1024 : 0));
  compare(`${files} realistic appeals`, appeals, runs);
  compare('10 MB attachment', [bigAttachmentAppeal(10 * 1024 * 1024)], runs);
  compare('10 MB of questions', [manyQuestionsAppeal(10 * 1024 * 1024).text], runs);
}
