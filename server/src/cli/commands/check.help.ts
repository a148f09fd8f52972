// `rro check --help` (rendered by ../help.ts; texts in l10n/cli.*.json under help.check.*).
import { DEFAULT_INCLUDE } from '../../files/discover';
import type { CommandHelp } from '../help';

export const checkHelp: CommandHelp = {
  name: 'check',
  usage: ['check [options] PATH…'],
  summaryKey: 'help.check.summary',
  descriptionKey: 'help.check.description',
  options: [
    { flags: '--format text|json|sarif', key: 'help.check.opt.format', default: 'text' },
    { flags: '--classifier FILE', key: 'help.check.opt.classifier' },
    { flags: '--rule ID=SEVERITY', key: 'help.check.opt.rule' },
    { flags: '--today YYYY-MM-DD', key: 'help.check.opt.today', defaultKey: 'help.default.today' },
    { flags: '--attachments-required', key: 'help.check.opt.attachmentsRequired' },
    { flags: '--include GLOB', key: 'help.check.opt.include', default: DEFAULT_INCLUDE.join(' ') },
    { flags: '--exclude GLOB', key: 'help.check.opt.exclude' },
    { flags: '-q, --quiet', key: 'help.check.opt.quiet' },
  ],
  exitCodes: [
    { code: 0, key: 'help.check.exit.0' },
    { code: 1, key: 'help.check.exit.1' },
    { code: 2, key: 'help.check.exit.2' },
  ],
  examples: [
    'rro check exports/',
    'rro check --format sarif exports/ > rro.sarif',
    'rro check --rule date-future=off --classifier classifier.csv archive.zip',
  ],
};
