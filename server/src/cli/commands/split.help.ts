// `rro split --help` (rendered by ../help.ts; texts in l10n/cli.*.json under help.split.*).
import type { CommandHelp } from '../help';

export const splitHelp: CommandHelp = {
  name: 'split',
  usage: ['split FILE… [--remove] [--dry-run]'],
  summaryKey: 'help.split.summary',
  descriptionKey: 'help.split.description',
  options: [
    { flags: '--remove', key: 'help.split.opt.remove' },
    { flags: '--dry-run', key: 'help.split.opt.dryRun' },
  ],
  exitCodes: [
    { code: 0, key: 'help.split.exit.0' },
    { code: 1, key: 'help.split.exit.1' },
    { code: 2, key: 'help.split.exit.2' },
  ],
  examples: ['rro split exports/batch.json', 'rro split --dry-run exports/batch.jsonl'],
};
