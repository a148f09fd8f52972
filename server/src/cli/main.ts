// `rro` — the command-line front door. Each command lives in commands/<name>.ts with its help
// table beside it (commands/<name>.help.ts); this file picks one, takes the options every command
// has (--lang, --color/--no-color, --help, --version) and turns failures into exit code 2 with
// a one-line reason. A new command is one line in COMMANDS.
import { resolveLang, message, type Lang } from '../l10n/messages';
import { CliError, type CliIO, type Command } from './io';
import { renderCommandHelp, renderMainHelp, type CommandHelp } from './help';
import { paintFor, useColor, type ColorFlag } from './style';
import { VERSION } from './version';
import { check } from './commands/check';
import { checkHelp } from './commands/check.help';
import { pack } from './commands/pack';
import { packHelp } from './commands/pack.help';
import { split } from './commands/split';
import { splitHelp } from './commands/split.help';
import { send } from './commands/send';
import { sendHelp } from './commands/send.help';
import { serve } from './commands/serve';
import { serveHelp } from './commands/serve.help';
import { status } from './commands/status';
import { statusHelp } from './commands/status.help';
import { departments } from './commands/departments';
import { departmentsHelp } from './commands/departments.help';
import { nullReport } from './commands/nullReport';
import { nullReportHelp } from './commands/nullReport.help';
import { lsp } from './commands/lsp';
import { lspHelp } from './commands/lsp.help';

interface CommandEntry {
  run: Command;
  help: CommandHelp;
}

const COMMANDS: Readonly<Record<string, CommandEntry>> = {
  check: { run: check, help: checkHelp },
  pack: { run: pack, help: packHelp },
  split: { run: split, help: splitHelp },
  send: { run: send, help: sendHelp },
  serve: { run: serve, help: serveHelp },
  status: { run: status, help: statusHelp },
  departments: { run: departments, help: departmentsHelp },
  'null-report': { run: nullReport, help: nullReportHelp },
  lsp: { run: lsp, help: lspHelp },
};

/** Every command's help table, in `rro --help` order (tests check each one). */
export function commandHelps(): CommandHelp[] {
  return Object.values(COMMANDS).map((c) => c.help);
}

/** What main needs from the process; whether each stream is a terminal decides colour. */
export interface MainIO extends Omit<CliIO, 'lang' | 'color'> {
  stdoutIsTTY?: boolean;
  stderrIsTTY?: boolean;
}

interface Globals {
  lang?: string;
  /** `--lang` given without a value. */
  langMissing: boolean;
  color: ColorFlag;
  rest: string[];
}

/** Options every command has may stand anywhere before `--`; they are taken out here. */
function takeGlobals(argv: readonly string[]): Globals {
  const out: Globals = { langMissing: false, color: undefined, rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      out.rest.push(...argv.slice(i));
      break;
    }
    if (a === '--lang') {
      out.lang = argv[++i];
      if (out.lang === undefined || out.lang.startsWith('-')) out.langMissing = true;
    } else if (a.startsWith('--lang=')) out.lang = a.slice('--lang='.length);
    else if (a === '--no-color') out.color = 'never';
    else if (a === '--color') out.color ??= 'always';
    else out.rest.push(a);
  }
  return out;
}

/** `ru`, `en` and locale names built on them (`ru_RU.UTF-8`, `en-US`). */
const KNOWN_LANG = /^(ru|en)([-_.@].*)?$/i;

function wantsHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

export async function main(argv: string[], io: MainIO): Promise<number> {
  const g = takeGlobals(argv);
  const envLang = resolveLang(undefined, io.env);
  if (g.langMissing || (g.lang !== undefined && !KNOWN_LANG.test(g.lang))) {
    const key = g.langMissing ? 'cli.langMissing' : 'cli.badLang';
    io.stderr(`rro: ${message(key, { value: g.lang ?? '' }, envLang)}\n`);
    return 2;
  }
  const lang: Lang = g.lang !== undefined ? resolveLang(g.lang, io.env) : envLang;
  const color = useColor(g.color, io.env, io.stdoutIsTTY ?? false);
  const errPaint = paintFor(useColor(g.color, io.env, io.stderrIsTTY ?? false));
  const full: CliIO = { ...io, lang, color };
  const paint = paintFor(color);
  const [name, ...args] = g.rest;
  const helps = commandHelps();

  if (name === '--version' || name === '-v' || name === 'version') {
    full.stdout(`rro ${VERSION}\n`);
    return 0;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' && args[0] ? COMMANDS[args[0]] : undefined;
    if (name === 'help' && args[0] && !topic) return unknownCommand(args[0], full, errPaint);
    full.stdout(topic ? renderCommandHelp(topic.help, lang, paint) : renderMainHelp(helps, lang, paint));
    return 0;
  }
  if (name === undefined) {
    full.stderr(renderMainHelp(helps, lang, paintFor(false)));
    return 2;
  }
  const command = COMMANDS[name];
  if (!command) return unknownCommand(name, full, errPaint);
  if (wantsHelp(args)) {
    full.stdout(renderCommandHelp(command.help, lang, paint));
    return 0;
  }
  try {
    return await command.run(args, full);
  } catch (e) {
    const reason = e instanceof CliError ? e.message : `${(e as Error).name}: ${(e as Error).message}`;
    full.stderr(`${errPaint.red(`rro ${name}:`)} ${reason}\n`);
    return 2;
  }
}

function unknownCommand(name: string, io: CliIO, paint: ReturnType<typeof paintFor>): number {
  io.stderr(`${paint.red('rro:')} ${message('cli.unknownCommand', { name }, io.lang)}\n`);
  return 2;
}

if (require.main === module) {
  // `rro check … | head` closes the pipe early: stop quietly, as other CLI tools do.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  main(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
  }).then((code) => {
    process.exitCode = code;
  });
}
