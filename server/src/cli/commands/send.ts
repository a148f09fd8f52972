// `rro send <paths…> --url <root>`: gate, confirm (host and count), send, report.
// Exit 0 only when every file was accepted; 1 when some were not; 2 for a usage error.
import * as path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { clientFromArgs, nonNegativeInt, positive, UsageError } from '../../api/cliSupport';
import { displayRoot } from '../../api/endpoint';
import { localDay } from '../../engine';
import { message } from '../../l10n/messages';
import {
  DEFAULT_RETRY,
  loadReport,
  planSend,
  ReportFormatError,
  runSend,
  type ReportEntry,
  type SendReport,
} from '../../send';
import { parseCommandArgs } from '../args';
import { CliError, type CliIO } from '../io';

export async function send(argv: string[], io: CliIO): Promise<number> {
  const t = (key: string, a?: Record<string, string | number>): string => message(key, a, io.lang);
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      url: { type: 'string' },
      yes: { type: 'boolean', short: 'y' },
      'report-dir': { type: 'string' },
      concurrency: { type: 'string' },
      timeout: { type: 'string' },
      retries: { type: 'string' },
      'retry-delay': { type: 'string' },
      resume: { type: 'string' },
      'allow-errors': { type: 'boolean' },
      'ca-file': { type: 'string' },
    },
    t('send.cli.usage'),
    true,
  );
  if (values.help) {
    io.stdout(t('send.cli.usage') + '\n');
    return 0;
  }
  try {
    let previous: SendReport | undefined;
    if (values.resume) {
      try {
        previous = loadReport(path.resolve(io.cwd, values.resume));
      } catch (e) {
        if (e instanceof ReportFormatError) throw new UsageError(t('send.cli.badReport', { error: e.message }));
        throw e;
      }
    }
    if (positionals.length === 0 && !previous) throw new UsageError(t('send.cli.usage'));
    const client = clientFromArgs({
      url: values.url ?? previous?.url,
      timeoutSeconds: values.timeout,
      caFile: values['ca-file'],
      cwd: io.cwd,
      env: io.env,
      lang: io.lang,
      warn: (l) => io.stderr(l + '\n'),
    });
    const concurrency = values.concurrency ? positive(values.concurrency, '--concurrency', io.lang, true) : undefined;
    const retry = {
      ...DEFAULT_RETRY,
      ...(values.retries !== undefined ? { retries: nonNegativeInt(values.retries, '--retries', io.lang) } : {}),
      ...(values['retry-delay'] !== undefined
        ? { baseDelayMs: nonNegativeInt(values['retry-delay'], '--retry-delay', io.lang) }
        : {}),
    };
    const plan = await planSend(positionals, {
      cwd: io.cwd,
      check: { today: localDay(new Date()) },
      allowErrors: values['allow-errors'],
      previous,
    });
    for (const problem of plan.problems) io.stderr(`${t('send.cli.walkProblem')}: ${problem}\n`);
    if (plan.items.length === 0) throw new UsageError(t('send.cli.noFiles'));
    for (const item of plan.items) if (!item.send) io.stdout(line(item.entry, io.lang));
    const host = client.endpoint.host;
    io.stderr(t('send.cli.plan', { total: plan.items.length, send: plan.toSend, host }) + '\n');
    if (plan.toSend > 0 && !values.yes && !(await confirm(t('send.cli.confirm', { count: plan.toSend, host }), io))) {
      client.close();
      return 2;
    }
    const controller = new AbortController();
    const stop = (): void => controller.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    try {
      const result = await runSend(plan, {
        transport: client,
        url: displayRoot(client.endpoint),
        reportDir: path.resolve(io.cwd, values['report-dir'] ?? path.join('.rro', 'reports')),
        lang: io.lang,
        concurrency,
        retry,
        signal: controller.signal,
        resumedFrom: values.resume ? path.resolve(io.cwd, values.resume) : undefined,
        onProgress: ({ entry }) => io.stdout(line(entry, io.lang)),
      });
      const totals = result.report.totals;
      io.stderr(
        t('send.cli.summary', { ...totals }) +
          '\n' +
          t('send.cli.report', { json: result.jsonPath, md: result.mdPath }) +
          '\n',
      );
      return result.report.files.every((f) => f.status === 'accepted') ? 0 : 1;
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      client.close();
    }
  } catch (e) {
    if (e instanceof UsageError) throw new CliError(e.message);
    throw e;
  }
}

/** One line per file: status, HTTP status, pointer, file; a rejection's reason indented below. */
function line(entry: ReportEntry, lang: CliIO['lang']): string {
  const status = message(`send.status.${entry.status}`, undefined, lang);
  const head = [status.padEnd(12), String(entry.httpStatus ?? '-').padEnd(4), entry.file, entry.pointer ?? '']
    .join(' ')
    .trimEnd();
  const why =
    entry.status === 'rejected'
      ? entry.message
      : entry.reason
        ? message(
            `send.reason.${entry.reason.startsWith('http-') ? 'http' : entry.reason}`,
            { status: entry.httpStatus ?? '' },
            lang,
          )
        : '';
  const errors = entry.errors?.length
    ? `: ${entry.errors.slice(0, 3).join('; ')}${entry.errors.length > 3 ? '; …' : ''}`
    : '';
  return `${head}\n${why ? `    ${why}${errors}\n` : ''}`;
}

/** Without a terminal nobody can answer: refuse rather than send personal data unasked. */
async function confirm(question: string, io: CliIO): Promise<boolean> {
  if (!process.stdin.isTTY) {
    io.stderr(message('send.cli.needYes', undefined, io.lang) + '\n');
    return false;
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = (await rl.question(`${question} [y/N] `)).trim().toLowerCase();
    return answer === 'y' || answer === 'yes' || answer === 'д' || answer === 'да';
  } finally {
    rl.close();
  }
}
