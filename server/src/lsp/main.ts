// dist/server.js: the language server as VS Code starts it (IPC; `--stdio` works as well,
// the transport is read from the command line by createConnection).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all));
