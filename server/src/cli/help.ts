// `rro <command> --help`: every command describes itself with one CommandHelp table (in
// commands/<name>.help.ts, beside the command) and this file turns it into text, so all help
// pages have the same parts — usage, what it does, options with defaults, exit codes, examples.
// Texts are l10n keys (`l10n/cli.*.json`, `help.<command>.*`); flags and examples are literal.
import { message, type Lang } from '../l10n/messages';
import type { Paint } from './style';

export interface HelpOption {
  /** As typed, with a placeholder in capitals: `--format text|json|sarif`, `-o, --output FILE`. */
  flags: string;
  /** l10n key of what the option does. */
  key: string;
  /** The default, literal (`text`, `8080`)… */
  default?: string;
  /** …or an l10n key when it needs words (`today`). */
  defaultKey?: string;
}

export interface CommandHelp {
  name: string;
  /** Usage lines after `rro `: `check [options] PATH…`. */
  usage: readonly string[];
  /** l10n key: one line, also shown in `rro --help`. */
  summaryKey: string;
  /** l10n key: a paragraph or two on what the command does. */
  descriptionKey?: string;
  options: readonly HelpOption[];
  exitCodes: readonly { code: number; key: string }[];
  /** Command lines a user can paste. */
  examples: readonly string[];
}

/** Options every command takes; main.ts handles them. */
export const GLOBAL_OPTIONS: readonly HelpOption[] = [
  { flags: '--lang ru|en', key: 'help.global.lang', defaultKey: 'help.global.lang.default' },
  { flags: '--no-color, --color', key: 'help.global.color', defaultKey: 'help.global.color.default' },
  { flags: '-h, --help', key: 'help.global.help' },
  { flags: '-v, --version', key: 'help.global.version' },
];

const WRAP = 100;

/** Paragraphs wrapped at WRAP columns (a terminal would break words anywhere). */
function wrap(text: string): string {
  return text
    .split('\n')
    .map((para) => {
      const lines: string[] = [];
      let line = '';
      for (const word of para.split(' ')) {
        if (line && line.length + 1 + word.length > WRAP) {
          lines.push(line);
          line = word;
        } else line = line ? `${line} ${word}` : word;
      }
      return [...lines, line].join('\n');
    })
    .join('\n');
}

function flagsWidth(...lists: (readonly HelpOption[])[]): number {
  return Math.max(...lists.flat().map((o) => o.flags.length)) + 2;
}

function optionLines(options: readonly HelpOption[], lang: Lang, width: number): string[] {
  return options.map((o) => {
    const def = o.default ?? (o.defaultKey ? message(o.defaultKey, undefined, lang) : undefined);
    const text = message(o.key, undefined, lang) + (def ? ' ' + message('help.default', { value: def }, lang) : '');
    return `  ${o.flags.padEnd(width)}${text}`;
  });
}

export function renderCommandHelp(help: CommandHelp, lang: Lang, paint: Paint): string {
  const t = (key: string): string => message(key, undefined, lang);
  const heading = (key: string): string => paint.bold(t(key));
  const out = [
    `${heading('help.usage')} ${help.usage
      .map((u) => `rro ${u.replace('[options]', t('help.optionsWord'))}`)
      .join('\n' + ' '.repeat(t('help.usage').length + 1))}`,
    '',
  ];
  const width = flagsWidth(help.options, GLOBAL_OPTIONS);
  out.push(t(help.summaryKey));
  if (help.descriptionKey) out.push('', wrap(t(help.descriptionKey)));
  if (help.options.length) out.push('', heading('help.options'), ...optionLines(help.options, lang, width));
  out.push('', heading('help.globalOptions'), ...optionLines(GLOBAL_OPTIONS, lang, width));
  out.push('', heading('help.exitCodes'), ...help.exitCodes.map((e) => `  ${String(e.code).padEnd(5)}${t(e.key)}`));
  if (help.examples.length) out.push('', heading('help.examples'), ...help.examples.map((e) => `  ${e}`));
  return out.join('\n') + '\n';
}

/** `rro --help`: the commands (from the same tables) and the global options. */
export function renderMainHelp(commands: readonly CommandHelp[], lang: Lang, paint: Paint): string {
  const t = (key: string): string => message(key, undefined, lang);
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return (
    [
      `${paint.bold(t('help.usage'))} rro ${t('help.main.usage')}`,
      '',
      t('help.main.summary'),
      '',
      paint.bold(t('help.commands')),
      ...commands.map((c) => `  ${c.name.padEnd(width)}${t(c.summaryKey)}`),
      '',
      paint.bold(t('help.globalOptions')),
      ...optionLines(GLOBAL_OPTIONS, lang, flagsWidth(GLOBAL_OPTIONS)),
      '',
      t('help.main.more'),
    ].join('\n') + '\n'
  );
}
