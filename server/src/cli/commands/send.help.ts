// `rro send --help` (rendered by ../help.ts; texts in l10n/cli.*.json under help.send.*).
import { DEFAULT_TIMEOUT_MS } from '../../api/client';
import { DEFAULT_CONCURRENCY, DEFAULT_RETRY } from '../../send';
import type { CommandHelp } from '../help';

export const sendHelp: CommandHelp = {
  name: 'send',
  usage: ['send PATH… --url ROOT [options]', 'send --resume REPORT.json [--yes]'],
  summaryKey: 'help.send.summary',
  descriptionKey: 'help.send.description',
  options: [
    { flags: '--url ROOT', key: 'help.send.opt.url' },
    { flags: '-y, --yes', key: 'help.send.opt.yes' },
    { flags: '--report-dir DIR', key: 'help.send.opt.reportDir', default: '.rro/reports' },
    { flags: '--concurrency N', key: 'help.send.opt.concurrency', default: String(DEFAULT_CONCURRENCY) },
    { flags: '--timeout SECONDS', key: 'help.send.opt.timeout', default: String(DEFAULT_TIMEOUT_MS / 1000) },
    { flags: '--retries N', key: 'help.send.opt.retries', default: String(DEFAULT_RETRY.retries) },
    { flags: '--retry-delay MS', key: 'help.send.opt.retryDelay', default: String(DEFAULT_RETRY.baseDelayMs) },
    { flags: '--resume REPORT.json', key: 'help.send.opt.resume' },
    { flags: '--only-valid', key: 'help.send.opt.onlyValid' },
    { flags: '--allow-errors', key: 'help.send.opt.allowErrors' },
    { flags: '--resend-unknown', key: 'help.send.opt.resendUnknown' },
    { flags: '--max-failures N', key: 'help.send.opt.maxFailures', default: '5' },
    { flags: '--ca-file PEM', key: 'help.send.opt.caFile', default: 'RRO_API_CA_FILE' },
  ],
  exitCodes: [
    { code: 0, key: 'help.send.exit.0' },
    { code: 1, key: 'help.send.exit.1' },
    { code: 2, key: 'help.send.exit.2' },
    { code: 130, key: 'help.send.exit.130' },
  ],
  examples: [
    'rro send exports/ --url http://172.16.10.200/IPCP',
    'rro send exports/ --url http://172.16.10.200/IPCP --yes',
    'rro send --resume .rro/reports/send-2026-11-25T10-00-00-000Z.json --yes',
  ],
};
