// The baseline of the LSP startup bench: the smallest useful vscode-languageserver server.
// It syncs documents and pushes (empty) diagnostics as soon as a document opens, so
// "spawn → first diagnostics" measures Node, the library and the protocol, nothing of ours.
import { createConnection, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

function start(): void {
  const connection = createConnection();
  const documents = new TextDocuments(TextDocument);
  connection.onInitialize(() => ({ capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental } }));
  documents.onDidOpen((e) => {
    void connection.sendDiagnostics({ uri: e.document.uri, version: e.document.version, diagnostics: [] });
  });
  documents.listen(connection);
  connection.listen();
}

if (require.main === module) start();
