// `rro` — the command-line front door. Each command lives in commands/<name>.ts; this file
// only picks one, sets the language and turns failures into exit code 2 with a one-line reason.
import { resolveLang, message } from '../l10n/messages';
import { CliError, type CliIO, type Command } from './io';
import { check } from './commands/check';
import { pack } from './commands/pack';
import { send } from './commands/send';
import { serve } from './commands/serve';
import { status } from './commands/status';
import { departments } from './commands/departments';
import { nullReport } from './commands/nullReport';
import { lsp } from './commands/lsp';

const COMMANDS: Readonly<Record<string, Command>> = {
  check,
  pack,
  send,
  serve,
  status,
  departments,
  'null-report': nullReport,
  lsp,
};

/** `--lang xx` may stand anywhere; it is taken out before the command parses the rest. */
function takeLang(argv: string[]): { lang: string | undefined; rest: string[] } {
  const rest = [...argv];
  const i = rest.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return { lang: undefined, rest };
  const [flag] = rest.splice(i, 1);
  const lang = flag.includes('=') ? flag.slice(flag.indexOf('=') + 1) : rest.splice(i, 1)[0];
  return { lang, rest };
}

export async function main(argv: string[], io: Omit<CliIO, 'lang'>): Promise<number> {
  const { lang, rest } = takeLang(argv);
  const full: CliIO = { ...io, lang: resolveLang(lang, io.env) };
  const [name, ...args] = rest;
  if (name === '--help' || name === '-h' || name === 'help') {
    full.stdout(message('cli.usage', undefined, full.lang) + '\n');
    return 0;
  }
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    full.stderr(message(name ? 'cli.unknownCommand' : 'cli.usage', { name: name ?? '' }, full.lang) + '\n');
    return 2;
  }
  try {
    return await command(args, full);
  } catch (e) {
    const reason = e instanceof CliError ? e.message : `${(e as Error).name}: ${(e as Error).message}`;
    full.stderr(`rro ${name}: ${reason}\n`);
    return 2;
  }
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
  }).then((code) => {
    process.exitCode = code;
  });
}
