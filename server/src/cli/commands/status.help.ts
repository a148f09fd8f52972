// `rro status --help` (rendered by ../help.ts; texts in l10n/cli.*.json under help.status.*).
import type { CommandHelp } from '../help';

export const statusHelp: CommandHelp = {
  name: 'status',
  usage: ['status REPORT.json… [--url ROOT] [--format text|json]'],
  summaryKey: 'help.status.summary',
  descriptionKey: 'help.status.description',
  options: [
    { flags: '--url ROOT', key: 'help.status.opt.url', defaultKey: 'help.status.default.url' },
    { flags: '--format text|json', key: 'help.status.opt.format', default: 'text' },
    { flags: '--timeout SECONDS', key: 'help.status.opt.timeout', default: '30' },
    { flags: '--ca-file PEM', key: 'help.status.opt.caFile', default: 'RRO_API_CA_FILE' },
  ],
  exitCodes: [
    { code: 0, key: 'help.status.exit.0' },
    { code: 1, key: 'help.status.exit.1' },
    { code: 2, key: 'help.status.exit.2' },
  ],
  examples: ['rro status .rro/reports/send-2026-11-25T10-00-00-000Z.json'],
};
