import { CliError, type CliIO } from '../io';

// Placeholder until the language server lands.
export async function lsp(_args: string[], _io: CliIO): Promise<number> {
  throw new CliError('not implemented yet');
}
