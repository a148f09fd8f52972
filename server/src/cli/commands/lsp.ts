// `rro lsp --stdio`: the same language server for Neovim, Helix, Emacs and other editors.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../../lsp/server';
import { CliError, type CliIO } from '../io';
import { message } from '../../l10n/messages';

export async function lsp(args: string[], io: CliIO): Promise<number> {
  if (args.some((a) => a !== '--stdio')) throw new CliError(message('lsp.cli.usage', undefined, io.lang));
  startServer(createConnection(ProposedFeatures.all, process.stdin, process.stdout));
  // The server runs until the client says `exit` (which ends the process itself).
  return new Promise<number>(() => undefined);
}
