// `rro send <paths…> --url <root>`: gate, confirm (host and count), send, report.
// Exit 0 only when every file was accepted; 1 when some were not (or the gate refused);
// 2 for a usage error; 130 when stopped by Ctrl+C / SIGTERM (after the report is written).
import * as path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { API_OPTIONS, clientFromArgs, nonNegativeInt, positive, UsageError } from '../../api/cliSupport';
import { displayRoot } from '../../api/endpoint';
import { buildCheckOptions } from '../../engine';
import { message } from '../../l10n/messages';
import {
  DEFAULT_BREAKER,
  DEFAULT_RETRY,
  loadReport,
  planSend,
  reasonText,
  ReportFormatError,
  runSend,
  type ReportEntry,
  type SendErrorPolicy,
  type SendReport,
} from '../../send';
import { escapeControl } from '../../util/safeText';
import { parseCommandArgs } from '../args';
import { CliError, type CliIO } from '../io';

export async function send(argv: string[], io: CliIO): Promise<number> {
  const t = (key: string, a?: Record<string, string | number>): string => message(key, a, io.lang);
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      ...API_OPTIONS,
      yes: { type: 'boolean', short: 'y' },
      'report-dir': { type: 'string' },
      concurrency: { type: 'string' },
      retries: { type: 'string' },
      'retry-delay': { type: 'string' },
      resume: { type: 'string' },
      'allow-errors': { type: 'boolean' },
      'only-valid': { type: 'boolean' },
      'resend-unknown': { type: 'boolean' },
      'max-failures': { type: 'string' },
    },
    t('send.cli.usage'),
    true,
  );
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
    if (values['allow-errors'] && values['only-valid']) throw new UsageError(t('send.cli.bothPolicies'));
    const errors: SendErrorPolicy = values['allow-errors'] ? 'allow' : values['only-valid'] ? 'only-valid' : 'refuse';
    const breaker =
      values['max-failures'] !== undefined
        ? nonNegativeInt(values['max-failures'], '--max-failures', io.lang)
        : DEFAULT_BREAKER;
    const plan = await planSend(positionals, {
      cwd: io.cwd,
      check: buildCheckOptions(),
      errors,
      previous,
    });
    for (const problem of plan.problems) io.stderr(`${t('send.cli.walkProblem')}: ${escapeControl(problem)}\n`);
    if (plan.items.length === 0) throw new UsageError(t('send.cli.noFiles'));
    // The same gate as `rro pack`: with errors and neither --only-valid nor --allow-errors, nothing goes.
    if (errors === 'refuse' && plan.withErrors.length > 0) {
      for (const item of plan.items) if (item.entry.reason === 'gate-errors') io.stdout(line(item.entry, io.lang));
      io.stderr(t('send.cli.refused', { count: plan.withErrors.length }) + '\n');
      client.close();
      return 1;
    }
    for (const item of plan.items) if (!item.send) io.stdout(line(item.entry, io.lang));
    const host = client.endpoint.host;
    io.stderr(t('send.cli.plan', { total: plan.items.length, send: plan.toSend, host }) + '\n');
    if (plan.toSend > 0 && !values.yes && !(await confirm(t('send.cli.confirm', { count: plan.toSend, host }), io))) {
      client.close();
      return 2;
    }
    // First signal: start nothing new, wait for the answers in flight. A second: abort those too.
    const controller = new AbortController();
    const hard = new AbortController();
    const stop = (): void => {
      if (controller.signal.aborted) return hard.abort();
      controller.abort();
      io.stderr(t('send.cli.stopping') + '\n');
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    try {
      const result = await runSend(plan, {
        transport: client,
        requestLog: client,
        abortSignal: hard.signal,
        resendUnknown: values['resend-unknown'],
        breaker,
        url: displayRoot(client.endpoint),
        reportDir: path.resolve(io.cwd, values['report-dir'] ?? path.join('.rro', 'reports')),
        lang: io.lang,
        concurrency,
        retry,
        signal: controller.signal,
        resumedFrom: values.resume ? path.resolve(io.cwd, values.resume) : undefined,
        onProgress: ({ entry }) => io.stdout(line(entry, io.lang)),
      });
      const { totals, unknown, stopped } = result.report;
      if (stopped === 'server-unavailable') io.stderr(t('send.cli.unavailable', { count: breaker }) + '\n');
      if (unknown) io.stderr(t('send.unknownSummary', { ...unknown }) + '\n');
      // Decided inside the run (the request log, the resend policy): not printed as progress.
      const held = result.report.files.filter((f) => f.note === 'held');
      for (const f of held) io.stdout(line(f, io.lang));
      if (held.length) io.stderr(t('send.cli.held', { count: held.length }) + '\n');
      io.stderr(
        t('send.cli.summary', { ...totals, notSent: totals['not-sent'] }) +
          '\n' +
          t('send.cli.report', { json: result.jsonPath, md: result.mdPath }) +
          '\n',
      );
      if (stopped === 'signal') return 130;
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
  const head = [
    status.padEnd(12),
    String(entry.httpStatus ?? '-').padEnd(4),
    escapeControl(entry.file),
    entry.pointer ?? '',
  ]
    .join(' ')
    .trimEnd();
  const note = entry.note
    ? message(`send.note.${entry.note}`, undefined, lang)
    : entry.status === 'unknown'
      ? message('send.unknownHint', undefined, lang)
      : '';
  const why = [entry.status === 'rejected' ? escapeControl(entry.message ?? '') : reasonText(entry, lang), note]
    .filter(Boolean)
    .join(' — ');
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
