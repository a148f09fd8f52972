// Options of the commands built on node's parseArgs: `--help`/`-h` for every one of them,
// and a parse mistake becomes a usage error (exit 2) followed by the command's usage text.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './io';

type Options = NonNullable<ParseArgsConfig['options']>;
const HELP = { help: { type: 'boolean', short: 'h' } } as const;

type Parsed<O extends Options> = ReturnType<
  typeof parseArgs<{ args: string[]; options: typeof HELP & O; allowPositionals: true; strict: true }>
>;

/** `takesPaths`: the command takes positional arguments; otherwise one is a usage error. */
export function parseCommandArgs<const O extends Options>(
  argv: string[],
  options: O,
  usage: string,
  takesPaths = false,
): Parsed<O> {
  try {
    const parsed = parseArgs({ args: argv, options: { ...HELP, ...options }, allowPositionals: true, strict: true });
    if (!takesPaths && parsed.positionals.length) throw new Error(`Unexpected argument '${parsed.positionals[0]}'`);
    return parsed;
  } catch (e) {
    throw new CliError(`${(e as Error).message}\n${usage}`);
  }
}
