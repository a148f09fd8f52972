// `rro null-report --department <guid> [--year Y --month M] [-o file]`: the no-appeals report
// of spec §7 for a month that has ended (default: the previous month). The field layout comes
// from NULL_REPORT_FIELDS in the format table — an assumption until format 6.0 §3.4 is known.
// The month logic is shared with the VS Code command (server/src/nullReport/period.ts).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { buildNullReport, monthEnded, previousMonth } from '../../nullReport/period';
import { GUID } from '../../format/patterns';
import { message } from '../../l10n/messages';
import { parseCommandArgs } from '../args';
import { CliError, type CliIO } from '../io';

export async function nullReport(argv: string[], io: CliIO): Promise<number> {
  const t = (key: string, a?: Record<string, string | number>): string => message(key, a, io.lang);
  const { values } = parseCommandArgs(
    argv,
    {
      department: { type: 'string' },
      year: { type: 'string' },
      month: { type: 'string' },
      output: { type: 'string', short: 'o' },
    },
    t('nullReport.cli.usage'),
  );
  const department = values.department?.trim() ?? '';
  if (!GUID.test(department)) throw new CliError(t('nullReport.cli.department', { value: department }));
  if ((values.year === undefined) !== (values.month === undefined)) throw new CliError(t('nullReport.cli.both'));
  const today = new Date();
  let period = previousMonth(today);
  if (values.year !== undefined && values.month !== undefined) {
    const year = Number(values.year);
    const month = Number(values.month);
    if (!Number.isInteger(year) || year < 2000 || year > 9999)
      throw new CliError(t('nullReport.cli.year', { value: values.year }));
    if (!Number.isInteger(month) || month < 1 || month > 12)
      throw new CliError(t('nullReport.cli.month', { value: values.month }));
    period = { year, month };
  }
  if (!monthEnded(period, today))
    throw new CliError(t('nullReport.cli.notEnded', { year: period.year, month: period.month }));
  const text = JSON.stringify(buildNullReport(department, period), null, 2) + '\n';
  if (!values.output) {
    io.stdout(text);
    return 0;
  }
  const file = path.resolve(io.cwd, values.output);
  const tmp = `${file}.tmp`;
  await fs.writeFile(tmp, text, 'utf8');
  await fs.rename(tmp, file);
  io.stderr(t('nullReport.cli.written', { file: values.output, year: period.year, month: period.month }) + '\n');
  return 0;
}
