// The send benchmark (issue 4, «Speed»): 1,000 generated appeals sent to the emulator (a
// separate `node dist/cli.js serve` process, fresh for each run) with concurrency 1, 2 and 4.
// Figures: files per second of `runSend` beside a bare keep-alive `http.request` loop posting
// the same bodies from memory (the baseline), and the client's own overhead per request —
// its wall time of a request minus the server's own time (`Server-Timing`) — target < 2 ms.
// The gate (engine over every file, before any request) is timed separately. Each emulator is
// warmed first with 500 other appeals, so neither side pays for the server's JIT warm-up.
// The journal (two lines per file, `sending` before and `result` after, plus the report
// rewritten at the end) is timed on its own with the run's states (accepted, unknown, not-sent),
// and so is reading back a killed run (the journal replayed).
// Options: --files N (default 1000), --folder DIR (reuse a generated folder).
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { ApiClient, parseRoot } from '../../server/src/api';
import { loadReport, planSend, runSend, type ReportEntry } from '../../server/src/send';
import { ReportWriter } from '../../server/src/send/journal';
import { countTotals } from '../../server/src/send/types';
import { startServeChild } from '../api/helpers';
import { generateFolder } from './generate';
import { numberOption, ratioLine, stringOption, type BenchArgs } from './report';

const LEVELS = [1, 2, 4];

interface Figures {
  filesPerSecond: number;
  /** Mean of (client wall time − server time) per request, ms. */
  overheadMs: number;
  accepted: number;
  rejected: number;
}

function mean(values: readonly number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN;
}

type Served = Awaited<ReturnType<typeof startServeChild>>;

async function warmServer(warm: readonly Buffer[]): Promise<Served> {
  const serve = await startServeChild();
  const agent = new http.Agent({ keepAlive: true });
  const url = new URL(`${serve.url}/HandlingReportPlugin/Api/Import`);
  for (const body of warm) await postOnce(agent, url, body);
  agent.destroy();
  return serve;
}

/** One bare POST: resolves with the status and the client's wall time minus the server's. */
function postOnce(agent: http.Agent, url: URL, body: Buffer): Promise<{ status: number; overheadMs?: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.length },
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          const server = /dur=([\d.]+)/.exec(String(res.headers['server-timing'] ?? ''));
          resolve({
            status: res.statusCode ?? 0,
            overheadMs: server ? performance.now() - t0 - Number(server[1]) : undefined,
          });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function ours(
  folder: string,
  concurrency: number,
  reportDir: string,
  warm: readonly Buffer[],
): Promise<Figures & { gateMs: number }> {
  const serve = await warmServer(warm);
  const client = new ApiClient({ endpoint: parseRoot(serve.url) });
  try {
    const gateStart = performance.now();
    const plan = await planSend([folder], { cwd: folder, check: { today: '2026-11-25' }, allowErrors: true });
    const gateMs = performance.now() - gateStart;
    const start = performance.now();
    const { report } = await runSend(plan, { transport: client, url: serve.url, reportDir, lang: 'en', concurrency });
    const seconds = (performance.now() - start) / 1000;
    const answered = report.files.filter((f) => f.durationMs !== undefined && f.serverMs !== undefined);
    return {
      gateMs,
      filesPerSecond: plan.toSend / seconds,
      overheadMs: mean(answered.map((f) => f.durationMs! - f.serverMs!)),
      accepted: report.totals.accepted,
      rejected: report.totals.rejected,
    };
  } finally {
    client.close();
    serve.child.kill('SIGTERM');
    await serve.done;
  }
}

/** The baseline: bodies in memory, a keep-alive agent, nothing else. */
async function bare(bodies: readonly Buffer[], concurrency: number, warm: readonly Buffer[]): Promise<Figures> {
  const serve = await warmServer(warm);
  const agent = new http.Agent({ keepAlive: true });
  const url = new URL(`${serve.url}/HandlingReportPlugin/Api/Import`);
  const overheads: number[] = [];
  let accepted = 0;
  let rejected = 0;
  try {
    let next = 0;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < bodies.length) {
          const r = await postOnce(agent, url, bodies[next++]);
          if (r.overheadMs !== undefined) overheads.push(r.overheadMs);
          if (r.status === 204) accepted++;
          else rejected++;
        }
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    return { filesPerSecond: bodies.length / seconds, overheadMs: mean(overheads), accepted, rejected };
  } finally {
    agent.destroy();
    serve.child.kill('SIGTERM');
    await serve.done;
  }
}

/** The sender's own machinery per file (workers, outcome, journal, report) with an answer that costs nothing. */
async function inMemory(folder: string, reportDir: string): Promise<number> {
  const plan = await planSend([folder], { cwd: folder, check: { today: '2026-11-25' }, allowErrors: true });
  const transport = { post: async () => ({ status: 204, body: '', durationMs: 0 }) };
  const start = performance.now();
  await runSend(plan, { transport, url: 'http://memory', reportDir, lang: 'en', concurrency: 2 });
  return ((performance.now() - start) * 1000) / Math.max(plan.toSend, 1);
}

/** The journal's own cost per file, the final rewrite, and the replay of a killed run. */
async function journalCost(
  files: number,
  dir: string,
): Promise<{ perFileUs: number; finishMs: number; replayMs: number }> {
  const entries: ReportEntry[] = Array.from({ length: files }, (_, i) => ({
    file: `appeals/a-${i}.json`,
    path: path.join(dir, `a-${i}.json`),
    sha256: 'ab'.repeat(32),
    status: 'not-sent',
    attempts: 0,
    hasAttachment: i % 2 === 0,
    appeal: { departmentId: '30B1BE3B-BED1-49F6-AB4C-D138A81A9505', number: `N-${i}`, createDate: '2026-01-10' },
  }));
  const make = (): Promise<ReportWriter> =>
    ReportWriter.create(
      dir,
      {
        format: 'rro-send-report',
        version: 2,
        url: 'http://127.0.0.1',
        startedAt: new Date().toISOString(),
        state: 'running',
        totals: countTotals(entries),
        files: entries.map((e) => ({ ...e })),
      },
      'en',
    );
  const writer = await make();
  const t0 = performance.now();
  for (let i = 0; i < files; i++) {
    const at = new Date().toISOString();
    writer.sending(i, at);
    const status = i % 10 === 3 ? 'unknown' : 'accepted';
    writer.result(i, {
      ...entries[i],
      status,
      attempts: 1,
      httpStatus: status === 'accepted' ? 204 : undefined,
      durationMs: 1.23,
      ...(status === 'unknown' ? { unknownSince: at, reason: 'timeout' } : {}),
    });
  }
  const perFileUs = ((performance.now() - t0) * 1000) / files;
  const t1 = performance.now();
  writer.finish('finished');
  const finishMs = performance.now() - t1;
  // A killed run: every file `sending`, half with a `result`, the JSON as it was at the start.
  const killed = await make();
  for (let i = 0; i < files; i++) {
    killed.sending(i, new Date().toISOString());
    if (i % 2) killed.result(i, { ...entries[i], status: 'accepted', attempts: 1 });
  }
  killed.abandon();
  fs.writeFileSync(killed.jsonPath, JSON.stringify({ ...killed.report, files: entries }));
  const t2 = performance.now();
  const replayed = loadReport(killed.jsonPath);
  const replayMs = performance.now() - t2;
  if (replayed.totals.unknown !== Math.ceil(files / 2)) throw new Error('replay lost a file');
  return { perFileUs, finishMs, replayMs };
}

export async function bench(args: BenchArgs): Promise<void> {
  const files = numberOption(args, '--files') ?? 1000;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rro-bench-send-'));
  const folder = stringOption(args, '--folder') ?? path.join(work, 'appeals');
  if (!stringOption(args, '--folder')) generateFolder(folder, files);
  const names = fs
    .readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const warmFolder = path.join(work, 'warm');
  generateFolder(warmFolder, 500, 77);
  const warm = fs.readdirSync(warmFolder).map((f) => fs.readFileSync(path.join(warmFolder, f)));
  const bodies = names
    .map((f) => fs.readFileSync(path.join(folder, f)))
    .map((b) => (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? b.subarray(3) : b));
  console.log(
    `${names.length} appeals, ${(bodies.reduce((n, b) => n + b.length, 0) / 1e6).toFixed(1)} MB; emulator: node dist/cli.js serve (fresh per run)`,
  );
  try {
    for (const concurrency of LEVELS) {
      const base = await bare(bodies, concurrency, warm);
      const our = await ours(folder, concurrency, path.join(work, `reports-${concurrency}`), warm);
      console.log(
        `concurrency ${concurrency}: gate ${Math.round(our.gateMs)} ms (${Math.round((names.length / our.gateMs) * 1000)} files/s); accepted ${our.accepted}, rejected ${our.rejected} (bare: ${base.accepted}/${base.rejected})`,
      );
      console.log(
        '  ' +
          ratioLine(
            'send files/s',
            our.filesPerSecond.toFixed(0),
            `bare http ${base.filesPerSecond.toFixed(0)}`,
            our.filesPerSecond / base.filesPerSecond,
            { note: '(throughput, higher is better)' },
          ),
      );
      // Beyond the server's time a request also waits in the server's queue when several are in
      // flight (one server thread): the bare client pays that too, so the client's own share is
      // the difference to it.
      const own = our.overheadMs - base.overheadMs;
      console.log(
        '  ' +
          ratioLine(
            'wall − server time per request',
            `${our.overheadMs.toFixed(2)} ms`,
            `bare http ${base.overheadMs.toFixed(2)} ms`,
            our.overheadMs / base.overheadMs,
            {
              note: `→ client's own overhead ${own.toFixed(2)} ms (target < 2 ms) ${own < 2 ? 'ok' : 'MISSED'}`,
            },
          ),
      );
    }
    const memoryUs = await inMemory(folder, path.join(work, 'reports-memory'));
    console.log(
      `sender without a network (an in-memory transport answering 204): ${memoryUs.toFixed(1)} µs per file — the client's own cost, not hidden by the server's queue`,
    );
    const journal = await journalCost(names.length, path.join(work, 'journal'));
    console.log(
      `journal (${names.length} files; accepted/unknown/not-sent): ${journal.perFileUs.toFixed(1)} µs per file (sending + result lines), final rewrite ${journal.finishMs.toFixed(1)} ms; a killed run read back (journal replayed) in ${journal.replayMs.toFixed(1)} ms`,
    );
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
