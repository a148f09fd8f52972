// Options of the commands built on node's parseArgs: `--help`/`-h` is accepted (main prints the
// command's help before it runs),
// and a parse mistake becomes a usage error (exit 2): followed by the command's usage text, or
// said in the user's language by the command's own `describe` (one line, naming the option).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './io';

type Options = NonNullable<ParseArgsConfig['options']>;
const HELP = { help: { type: 'boolean', short: 'h' } } as const;

type Parsed<O extends Options> = ReturnType<
  typeof parseArgs<{ args: string[]; options: typeof HELP & O; allowPositionals: true; strict: true }>
>;

/** What was wrong with the arguments, for a command to say in the user's language. */
export type ArgsProblem =
  | { kind: 'unknown-option'; option: string }
  | { kind: 'missing-value'; option: string }
  | { kind: 'takes-no-value'; option: string }
  | { kind: 'extra-argument'; value: string };

/**
 * `takesPaths`: the command takes positional arguments; otherwise one is a usage error.
 * `usage`: the text shown after node's message, or a function that says the problem itself.
 */
export function parseCommandArgs<const O extends Options>(
  argv: string[],
  options: O,
  usage: string | ((problem: ArgsProblem) => string),
  takesPaths = false,
): Parsed<O> {
  try {
    const parsed = parseArgs({ args: argv, options: { ...HELP, ...options }, allowPositionals: true, strict: true });
    if (!takesPaths && parsed.positionals.length) throw new ExtraArgument(parsed.positionals[0]);
    return parsed;
  } catch (e) {
    if (typeof usage === 'function') throw new CliError(usage(problemOf(e, argv)));
    throw new CliError(`${(e as Error).message}\n${usage}`);
  }
}

class ExtraArgument extends Error {
  constructor(readonly value: string) {
    super(`Unexpected argument '${value}'`);
  }
}

/** Node's parseArgs errors carry a code; the option is named in the message (long form preferred). */
function problemOf(e: unknown, argv: readonly string[]): ArgsProblem {
  if (e instanceof ExtraArgument) return { kind: 'extra-argument', value: e.value };
  const text = e instanceof Error ? e.message : String(e);
  const code = (e as { code?: unknown }).code;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
    return { kind: 'extra-argument', value: /'([^']*)'/.exec(text)?.[1] ?? '' };
  const option =
    /--[\w-]+/.exec(text)?.[0] ?? /'(-[^' ,]+)/.exec(text)?.[1] ?? argv.find((a) => a.startsWith('-')) ?? '';
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
    return { kind: /does not take an argument/.test(text) ? 'takes-no-value' : 'missing-value', option };
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return { kind: 'unknown-option', option };
  throw e;
}
