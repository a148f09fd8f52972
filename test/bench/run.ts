// `npm run bench [-- <name>… [options]]`: run the benchmarks, each in a fresh Node process so
// one bench's heap and page cache do not colour the next one's memory figures.
//
// A bench is any `test/bench/<name>.ts` that exports
//   export function bench(args: readonly string[]): void | Promise<void>
// and prints its figures, each beside a baseline measured in the same run (see report.ts).
// Files without that export (generators, helpers) are not benches. `npm run bench` runs them
// all; `npm run bench -- engine` runs one; options after the names go to every bench chosen
// (`npm run bench -- engine --files 2000`). Not part of `npm test`.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export type Bench = (args: readonly string[]) => void | Promise<void>;

async function benchOf(name: string): Promise<Bench | undefined> {
  const mod = (await import(path.join(__dirname, `${name}.js`))) as { bench?: unknown };
  return typeof mod.bench === 'function' ? (mod.bench as Bench) : undefined;
}

async function available(): Promise<string[]> {
  const names = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.js') && f !== 'run.js')
    .map((f) => f.slice(0, -3))
    .sort();
  const benches: string[] = [];
  for (const name of names) if (await benchOf(name)) benches.push(name);
  return benches;
}

async function child(name: string, args: readonly string[]): Promise<void> {
  const bench = await benchOf(name);
  if (!bench) throw new Error(`${name} exports no bench function`);
  await bench(args);
}

async function main(argv: readonly string[]): Promise<number> {
  const all = await available();
  const firstOption = argv.findIndex((a) => a.startsWith('-'));
  const names = firstOption < 0 ? [...argv] : argv.slice(0, firstOption);
  const args = firstOption < 0 ? [] : argv.slice(firstOption);
  const unknown = names.filter((n) => !all.includes(n));
  if (unknown.length) {
    console.error(`unknown bench: ${unknown.join(', ')}; available: ${all.join(', ') || '(none)'}`);
    return 2;
  }
  let failed = 0;
  for (const name of names.length ? names : all) {
    console.log(`\n== ${name} ==`);
    const r = spawnSync(process.execPath, [__filename, '--child', name, ...args], { stdio: 'inherit' });
    if (r.status !== 0) {
      console.error(`bench ${name} failed (exit ${r.status ?? r.signal})`);
      failed++;
    }
  }
  return failed ? 1 : 0;
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const done = argv[0] === '--child' ? child(argv[1], argv.slice(2)).then(() => 0) : main(argv);
  done.then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : String(e));
      process.exitCode = 1;
    },
  );
}
