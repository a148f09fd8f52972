// `rro serve`: the import API emulator on 127.0.0.1 until Ctrl+C (see emulator/server.ts).
// Prints `listening on <root>` first, so scripts (and tests) can read the port of `--port 0`.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { nonNegativeInt, UsageError } from '../../api/cliSupport';
import { DataLockedError, loadDepartments, loadState, rateFaults, seededRandom, startEmulator } from '../../emulator';

import { message } from '../../l10n/messages';
import { parseCommandArgs } from '../args';
import { CliError, type CliIO } from '../io';

export async function serve(argv: string[], io: CliIO): Promise<number> {
  const t = (key: string, a?: Record<string, string | number>): string => message(key, a, io.lang);
  const { values } = parseCommandArgs(
    argv,
    {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      departments: { type: 'string' },
      delay: { type: 'string' },
      'fail-rate': { type: 'string' },
      'drop-connections': { type: 'string' },
      seed: { type: 'string' },
      late: { type: 'string' },
      'late-ms': { type: 'string' },
      reset: { type: 'string' },
      'fail-later': { type: 'string' },
      'dispatch-after': { type: 'string' },
      'upload-after': { type: 'string' },
      'no-request-log': { type: 'boolean' },
      'max-inflight-mb': { type: 'string' },
      cert: { type: 'string' },
      key: { type: 'string' },
    },
    t('serve.cli.usage'),
  );
  try {
    const rate = (flag: string, v: string | undefined): number | undefined => {
      if (v === undefined) return undefined;
      const n = Number(v);
      if (!Number.isFinite(n) || n < 0 || n > 1) throw new UsageError(t('serve.cli.badRate', { flag, value: v }));
      return n;
    };
    const file = (f: string | undefined): string | undefined => (f ? path.resolve(io.cwd, f) : undefined);
    const dataFile = file(values.data);
    const state = dataFile
      ? await loadState(dataFile).catch((e: Error) =>
          fail(t('serve.cli.badFile', { file: dataFile, error: e.message })),
        )
      : undefined;
    const departmentsFile = file(values.departments);
    const departments = departmentsFile
      ? await loadDepartments(departmentsFile).catch((e: Error) =>
          fail(t('serve.cli.badFile', { file: departmentsFile, error: e.message })),
        )
      : undefined;
    if (!!values.cert !== !!values.key) throw new UsageError(t('serve.cli.tlsPair'));
    const tls =
      values.cert && values.key
        ? { cert: readFileSync(file(values.cert)!, 'utf8'), key: readFileSync(file(values.key)!, 'utf8') }
        : undefined;
    const ms = (flag: string, v: string | undefined): number | undefined =>
      v === undefined ? undefined : nonNegativeInt(v, flag, io.lang);
    const seed = ms('--seed', values.seed);
    const faults = rateFaults({
      delayMs: ms('--delay', values.delay),
      failRate: rate('--fail-rate', values['fail-rate']),
      dropRate: rate('--drop-connections', values['drop-connections']),
      lateRate: rate('--late', values.late),
      lateMs: ms('--late-ms', values['late-ms']),
      resetRate: rate('--reset', values.reset),
      seed,
    });
    const failLaterRate = rate('--fail-later', values['fail-later']);
    const pick = seededRandom((seed ?? 1) + 1);
    const maxMb = ms('--max-inflight-mb', values['max-inflight-mb']);
    const host = values.host ?? '127.0.0.1';
    let emulator;
    try {
      emulator = await startEmulator({
        port: values.port !== undefined ? nonNegativeInt(values.port, '--port', io.lang) : 8080,
        host,
        state,
        dataFile,
        departments,
        faults,
        tls,
        requestLog: values['no-request-log']
          ? false
          : {
              dispatchAfterMs: ms('--dispatch-after', values['dispatch-after']),
              uploadAfterMs: ms('--upload-after', values['upload-after']),
            },
        failLater: failLaterRate ? () => pick() < failLaterRate : undefined,
        maxInflightBytes: maxMb !== undefined ? maxMb << 20 : undefined,
      });
    } catch (e) {
      if (e instanceof DataLockedError) throw new UsageError(t('serve.cli.locked', { file: e.file, pid: e.pid }));
      throw e;
    }
    // `/state` and the request log show names and addresses: say so when others can reach it.
    if (!isLoopbackHost(host)) io.stderr(t('serve.cli.exposed', { host }) + '\n');
    io.stdout(`${t('serve.cli.listening', { url: emulator.url })}\n`);
    // Log what happened, never what was in the body: status, number of the request, outcome.
    emulator.events.on('import', (e: { seq: number; status: number; result?: string }) =>
      io.stderr(`#${e.seq} Import ${e.status}${e.result ? ` ${e.result}` : ''}\n`),
    );
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await emulator.close();
    io.stderr(t('serve.cli.stopped', { ...emulator.stats }) + '\n');
    return 0;
  } catch (e) {
    if (e instanceof UsageError) throw new CliError(e.message);
    throw e;
  }
}

function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\./.test(h);
}

function fail(text: string): never {
  throw new UsageError(text);
}
