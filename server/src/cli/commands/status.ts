// `rro status <report.json>… [--url root] [--format text|json]`: asks the platform's request log
// what became of every accepted (or unknown) appeal of send reports. Exit 0 when every accepted
// appeal is found and none failed later; 1 otherwise (also when the platform has no log); 2 usage.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { API_OPTIONS, clientFromArgs, UsageError } from '../../api/cliSupport';
import { message } from '../../l10n/messages';
import {
  loadReport,
  platformStatus,
  ReportFormatError,
  type ReportEntry,
  type SendReport,
  type StatusRow,
} from '../../send';
import { escapeControl } from '../../util/safeText';
import { parseCommandArgs } from '../args';
import { CliError, type CliIO } from '../io';

export async function status(argv: string[], io: CliIO): Promise<number> {
  const t = (key: string, a?: Record<string, string | number>): string => message(key, a, io.lang);
  const { values, positionals } = parseCommandArgs(
    argv,
    { ...API_OPTIONS, format: { type: 'string' } },
    t('status.cli.usage'),
    true,
  );
  if (positionals.length === 0 || (values.format !== undefined && values.format !== 'json' && values.format !== 'text'))
    throw new CliError(t('status.cli.usage'));
  try {
    const reports: SendReport[] = positionals.map((p) => {
      try {
        return loadReport(path.resolve(io.cwd, p));
      } catch (e) {
        if (e instanceof ReportFormatError) throw new UsageError(t('send.cli.badReport', { error: e.message }));
        throw e;
      }
    });
    const client = clientFromArgs({
      url: values.url ?? reports[0].url,
      timeoutSeconds: values.timeout,
      caFile: values['ca-file'],
      cwd: io.cwd,
      env: io.env,
      lang: io.lang,
      warn: (l) => io.stderr(l + '\n'),
    });
    try {
      const result = await platformStatus(client, reports, codesOf);
      if (values.format === 'json') io.stdout(JSON.stringify(result, null, 2) + '\n');
      if (result.log !== 'present') {
        io.stderr(t(`status.cli.log.${result.log}`, { detail: result.detail ?? '' }) + '\n');
        return result.log === 'absent' ? 1 : 2;
      }
      if (values.format !== 'json') for (const row of result.rows) io.stdout(rowText(row, io.lang));
      const count = (s: StatusRow['platform']): number => result.rows.filter((r) => r.platform === s).length;
      io.stderr(
        t('status.cli.summary', {
          received: count('received'),
          dispatched: count('dispatched'),
          uploaded: count('uploaded'),
          failed: count('failed-later'),
          missing: count('not-found'),
        }) + '\n',
      );
      return result.ok ? 0 : 1;
    } finally {
      client.close();
    }
  } catch (e) {
    if (e instanceof UsageError) throw new CliError(e.message);
    throw e;
  }
}

function rowText(row: StatusRow, lang: CliIO['lang']): string {
  const state = message(`status.platform.${row.platform}`, undefined, lang);
  const when = row.uploadDate ?? row.dispatchDate ?? row.receiveDate ?? '';
  const head = [state.padEnd(14), escapeControl(row.file), row.pointer ?? '', when ? `(${escapeControl(when)})` : '']
    .filter(Boolean)
    .join(' ');
  return `${head}\n${row.exceptionMessage ? `    ${escapeControl(row.exceptionMessage)}\n` : ''}`;
}

/** Question codes of the file as it is now, to point a later failure at its question. */
function codesOf(entry: ReportEntry): string[] {
  try {
    const doc = JSON.parse(readFileSync(entry.path, 'utf8').replace(/^\uFEFF/, '')) as { questions?: unknown };
    return Array.isArray(doc.questions)
      ? doc.questions.map((q: unknown) =>
          typeof q === 'object' && q !== null && typeof (q as { code?: unknown }).code === 'string'
            ? (q as { code: string }).code
            : '',
        )
      : [];
  } catch {
    return [];
  }
}
