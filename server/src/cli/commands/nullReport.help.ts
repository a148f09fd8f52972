// `rro null-report --help` (rendered by ../help.ts; texts in l10n/cli.*.json, help.nullReport.*).
import type { CommandHelp } from '../help';

export const nullReportHelp: CommandHelp = {
  name: 'null-report',
  usage: ['null-report --department GUID [--year YYYY --month M] [-o FILE.json]'],
  summaryKey: 'help.nullReport.summary',
  descriptionKey: 'help.nullReport.description',
  options: [
    { flags: '--department GUID', key: 'help.nullReport.opt.department' },
    { flags: '--year YYYY --month M', key: 'help.nullReport.opt.period', defaultKey: 'help.default.previousMonth' },
    { flags: '-o, --output FILE.json', key: 'help.nullReport.opt.output', defaultKey: 'help.default.stdout' },
  ],
  exitCodes: [
    { code: 0, key: 'help.nullReport.exit.0' },
    { code: 2, key: 'help.nullReport.exit.2' },
  ],
  examples: [
    'rro null-report --department 30B1BE3B-BED1-49F6-AB4C-D138A81A9505 -o null.json',
    'rro null-report --department 30B1BE3B-BED1-49F6-AB4C-D138A81A9505 --year 2026 --month 10',
  ],
};
