// `rro pack --help` (rendered by ../help.ts; texts in l10n/cli.*.json under help.pack.*).
import { DEFAULT_ARCHIVE_LIMIT_MB } from '../../format/table';
import { DEFAULT_INCLUDE } from '../../files/discover';
import type { CommandHelp } from '../help';

export const packHelp: CommandHelp = {
  name: 'pack',
  usage: ['pack FOLDER -o FILE.zip [options]'],
  summaryKey: 'help.pack.summary',
  descriptionKey: 'help.pack.description',
  options: [
    { flags: '-o, --output FILE.zip', key: 'help.pack.opt.output' },
    { flags: '--only-valid', key: 'help.pack.opt.onlyValid' },
    { flags: '--allow-errors', key: 'help.pack.opt.allowErrors' },
    { flags: '--max-size-mb N', key: 'help.pack.opt.maxSize', default: String(DEFAULT_ARCHIVE_LIMIT_MB) },
    { flags: '--include GLOB', key: 'help.pack.opt.include', default: DEFAULT_INCLUDE.join(' ') },
    { flags: '--exclude GLOB', key: 'help.pack.opt.exclude' },
    { flags: '--today YYYY-MM-DD', key: 'help.pack.opt.today', defaultKey: 'help.default.today' },
    { flags: '--classifier FILE', key: 'help.pack.opt.classifier' },
    { flags: '--json', key: 'help.pack.opt.json' },
  ],
  exitCodes: [
    { code: 0, key: 'help.pack.exit.0' },
    { code: 1, key: 'help.pack.exit.1' },
    { code: 2, key: 'help.pack.exit.2' },
    { code: 130, key: 'help.pack.exit.130' },
  ],
  examples: ['rro pack exports/ -o upload.zip', 'rro pack exports/ -o upload.zip --only-valid --max-size-mb 50'],
};
