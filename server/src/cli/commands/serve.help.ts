// `rro serve --help` (rendered by ../help.ts; texts in l10n/cli.*.json under help.serve.*).
import type { CommandHelp } from '../help';

export const serveHelp: CommandHelp = {
  name: 'serve',
  usage: ['serve [options]'],
  summaryKey: 'help.serve.summary',
  descriptionKey: 'help.serve.description',
  options: [
    { flags: '--port N', key: 'help.serve.opt.port', default: '8080' },
    { flags: '--host ADDRESS', key: 'help.serve.opt.host', default: '127.0.0.1' },
    { flags: '--data FILE', key: 'help.serve.opt.data' },
    { flags: '--departments FILE', key: 'help.serve.opt.departments' },
    { flags: '--delay MS', key: 'help.serve.opt.delay', default: '0' },
    { flags: '--fail-rate 0..1', key: 'help.serve.opt.failRate', default: '0' },
    { flags: '--drop-connections 0..1', key: 'help.serve.opt.drop', default: '0' },
    { flags: '--late 0..1', key: 'help.serve.opt.late', default: '0' },
    { flags: '--late-ms MS', key: 'help.serve.opt.lateMs', default: '35000' },
    { flags: '--reset 0..1', key: 'help.serve.opt.reset', default: '0' },
    { flags: '--fail-later 0..1', key: 'help.serve.opt.failLater', default: '0' },
    { flags: '--dispatch-after MS', key: 'help.serve.opt.dispatchAfter', default: '2000' },
    { flags: '--upload-after MS', key: 'help.serve.opt.uploadAfter', default: '5000' },
    { flags: '--no-request-log', key: 'help.serve.opt.noRequestLog' },
    { flags: '--max-inflight-mb N', key: 'help.serve.opt.maxInflight', default: '256' },
    { flags: '--seed N', key: 'help.serve.opt.seed' },
    { flags: '--cert PEM --key PEM', key: 'help.serve.opt.tls' },
  ],
  exitCodes: [
    { code: 0, key: 'help.serve.exit.0' },
    { code: 2, key: 'help.serve.exit.2' },
  ],
  examples: [
    'rro serve --port 8080 --data .rro/emulator.json --departments departments.json',
    'rro serve --port 0 --fail-rate 0.2 --seed 1',
  ],
};
