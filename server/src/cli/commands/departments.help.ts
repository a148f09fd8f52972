// `rro departments --help` (rendered by ../help.ts; texts in l10n/cli.*.json, help.departments.*).
import { DEFAULT_TIMEOUT_MS } from '../../api/client';
import type { CommandHelp } from '../help';

export const departmentsHelp: CommandHelp = {
  name: 'departments',
  usage: ['departments NAME --url ROOT [options]'],
  summaryKey: 'help.departments.summary',
  descriptionKey: 'help.departments.description',
  options: [
    { flags: '--url ROOT', key: 'help.departments.opt.url' },
    { flags: '--format text|json', key: 'help.departments.opt.format', default: 'text' },
    { flags: '--timeout SECONDS', key: 'help.departments.opt.timeout', default: String(DEFAULT_TIMEOUT_MS / 1000) },
    { flags: '--ca-file PEM', key: 'help.departments.opt.caFile', default: 'RRO_API_CA_FILE' },
  ],
  exitCodes: [
    { code: 0, key: 'help.departments.exit.0' },
    { code: 1, key: 'help.departments.exit.1' },
    { code: 2, key: 'help.departments.exit.2' },
  ],
  examples: ['rro departments "Никольское" --url http://172.16.10.200/IPCP'],
};
