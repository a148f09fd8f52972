// The language server: wires LSP requests to the engine. Used by dist/server.js (VS Code, IPC)
// and by `rro lsp --stdio` (Neovim and any other editor).
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  WatchKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { registerAttachmentEdit } from './attachmentEdit';
import { registerCodeActions, FIX_ALL_KIND } from './codeActions';
import { registerCompletion } from './completion';
import { SettingsStore } from './config';
import type { ServerContext } from './context';
import { DepartmentDirectory } from './departments';
import { DiagnosticsFeature } from './diagnosticsFeature';
import { Folders, uriToPath } from './folders';
import { registerHover } from './hover';
import { OptionsCache } from './options';
import { readingHelpCapabilities, registerReadingHelp } from './readingHelp';
import {
  CHECK_FOLDER,
  DEPARTMENTS_CACHE,
  type CheckFolderParams,
  type DepartmentsCacheParams,
  OWN_CLIENT,
  type RroInitOptions,
} from './protocol';
import { SnapshotCache } from './snapshot';
import { registerSymbols } from './symbols';
import { ServerText } from './text';
import { WorkspaceChecker } from './workspace';

function initOptions(params: InitializeParams): RroInitOptions {
  const o = params.initializationOptions;
  return typeof o === 'object' && o !== null ? (o as RroInitOptions) : {};
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let started: { ctx: ServerContext; diagnostics: DiagnosticsFeature; workspace: WorkspaceChecker } | undefined;
  let dynamicWatch = false;
  let dynamicConfiguration = false;
  let folderEvents = false;
  // A failed notification or registration must never end the server (Node exits on an
  // unhandled rejection): log it and go on.
  process.on('unhandledRejection', (e: unknown) =>
    connection.console.error(`rro: ${e instanceof Error ? e.message : String(e)}`),
  );

  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities;
    const init = initOptions(params);
    const folders = new Folders();
    folders.set(params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri }] : []));
    const pullConfiguration = caps.workspace?.configuration === true;
    const pullDiagnostics = caps.textDocument?.diagnostic !== undefined;
    dynamicWatch = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    dynamicConfiguration = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    folderEvents = caps.workspace?.workspaceFolders === true;
    const text = new ServerText(init.locale ?? params.locale, init.bundle);
    const departments = new DepartmentDirectory();
    departments.setCache(init.departments ?? []);
    const ctx: ServerContext = {
      connection,
      documents,
      snapshots: new SnapshotCache(),
      folders,
      settings: new SettingsStore(connection, folders, pullConfiguration, init.settings),
      options: new OptionsCache(text, (message) => void connection.window.showWarningMessage(message)),
      text,
      departments,
      ownClient: init.client === OWN_CLIENT,
      snippetSupport: caps.textDocument?.completion?.completionItem?.snippetSupport === true,
    };
    const workspace = new WorkspaceChecker(ctx);
    const refreshable = caps.workspace?.diagnostics?.refreshSupport === true;
    // Our VS Code client keeps the pushed scan (its «Проверить папку» counts match Problems).
    const workspacePull = pullDiagnostics && !ctx.ownClient;
    const diagnostics = new DiagnosticsFeature(ctx, workspace, pullDiagnostics, refreshable, workspacePull);
    started = { ctx, diagnostics, workspace };
    diagnostics.register();
    registerHover(ctx);
    registerCompletion(ctx);
    registerCodeActions(ctx);
    registerSymbols(ctx);
    registerAttachmentEdit(ctx);
    registerReadingHelp(ctx);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        diagnosticProvider: pullDiagnostics
          ? { interFileDependencies: false, workspaceDiagnostics: workspacePull }
          : undefined,
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['"', ':'] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        documentSymbolProvider: true,
        ...readingHelpCapabilities(ctx.ownClient),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'rro-tools', version: '0.1.0' },
    };
  });

  connection.onInitialized(async () => {
    if (!started) return;
    const { ctx } = started;
    if (dynamicConfiguration)
      void connection.client.register(DidChangeConfigurationNotification.type, { section: ['rro', 'files'] });
    if (dynamicWatch) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        // Folder deletes and renames arrive as one event for the folder: watch every path for those.
        watchers: [{ globPattern: '**/*.json' }, { globPattern: '**/*', kind: WatchKind.Create | WatchKind.Delete }],
      });
    }
    if (folderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const kept = ctx.folders.all().filter((f) => !e.removed.some((r) => r.uri === f.uri));
        ctx.folders.set([...kept, ...e.added]);
        for (const removed of e.removed) {
          const fsPath = uriToPath(removed.uri);
          if (fsPath) started?.workspace.removeRoot(fsPath);
        }
        for (const added of e.added) void startupCheck(added.uri);
      });
    }
    for (const folder of ctx.folders.all()) await startupCheck(folder.uri);
  });

  async function startupCheck(folderUri: string): Promise<void> {
    if (!started) return;
    const settings = await started.ctx.settings.forResource(folderUri);
    const fsPath = uriToPath(folderUri);
    if (fsPath && settings.validateWorkspace === 'onStartup') await started.workspace.checkFolder(fsPath);
  }

  connection.onDidChangeConfiguration((change) => {
    if (!started) return;
    started.ctx.settings.changed(change.settings);
    started.ctx.options.forgetClassifiers();
    started.diagnostics.refresh();
    // Re-check what was scanned, then scan folders that `onStartup` now asks for.
    const { ctx, workspace } = started;
    void workspace.recheck().then(async () => {
      for (const folder of ctx.folders.all()) if (!workspace.isScanned(folder.fsPath)) await startupCheck(folder.uri);
    });
  });

  connection.onDidChangeWatchedFiles((params) => void started?.workspace.changed(params.changes));

  connection.onRequest(CHECK_FOLDER, async (params: CheckFolderParams, token) => {
    if (!started) throw new Error('not initialized');
    const fsPath = params.uri ? uriToPath(params.uri) : undefined;
    if (params.uri && !fsPath) throw new Error(started.ctx.text.t('lsp.checkFolder.notFolder', { path: params.uri }));
    // Our VS Code client shows its own progress for the command.
    const quiet = started.ctx.ownClient;
    return fsPath
      ? started.workspace.checkFolder(fsPath, token, quiet)
      : started.workspace.checkWorkspace(token, quiet);
  });

  connection.onNotification(DEPARTMENTS_CACHE, (params: DepartmentsCacheParams) => {
    started?.ctx.departments.setCache(params.departments ?? []);
  });

  documents.listen(connection);
  connection.listen();
}
