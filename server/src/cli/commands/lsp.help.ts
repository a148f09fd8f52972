// `rro lsp --help` (rendered by ../help.ts; texts in l10n/cli.*.json under help.lsp.*).
import type { CommandHelp } from '../help';

export const lspHelp: CommandHelp = {
  name: 'lsp',
  usage: ['lsp --stdio'],
  summaryKey: 'help.lsp.summary',
  descriptionKey: 'help.lsp.description',
  options: [{ flags: '--stdio', key: 'help.lsp.opt.stdio' }],
  exitCodes: [
    { code: 0, key: 'help.lsp.exit.0' },
    { code: 2, key: 'help.lsp.exit.2' },
  ],
  examples: ['rro lsp --stdio'],
};
