// What a CLI command may touch, injected so tests can run commands in-process too.
import type { Lang } from '../l10n/messages';
import { UserError } from '../util/userError';

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  lang: Lang;
  /** stdout is a terminal that takes colour (see style.ts); use paintFor(io.color). */
  color: boolean;
}

/** A failure of the command itself (bad arguments, unreadable path): exit code 2. */
export const CliError = UserError;
export type CliError = UserError;

export type Command = (args: string[], io: CliIO) => Promise<number>;
