// A minimal LSP client for the protocol tests: spawns the real bundled server (or `rro lsp`)
// and speaks JSON-RPC to it over stdio, the way any editor would. Waits are on events only.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  CompletionRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  DocumentSymbolRequest,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgress,
  WorkDoneProgressCreateRequest,
  type ClientCapabilities,
  type CodeAction,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type DocumentSymbol,
  type Hover,
  type Position,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
} from 'vscode-languageserver-protocol/node';

export const ROOT = path.join(__dirname, '..', '..', '..');
export const SERVER = path.join(ROOT, 'dist', 'server.js');
export const CLI = path.join(ROOT, 'dist', 'cli.js');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');

export function fileUri(p: string): string {
  return pathToFileURL(p).href;
}

export interface StartOptions {
  /** Called right before the server process is spawned (benchmarks time from here). */
  onSpawn?: () => void;
  /** Pull diagnostics (textDocument/diagnostic) instead of push. */
  pull?: boolean;
  /** Workspace folders (paths). */
  folders?: string[];
  /** The `rro` section answered to workspace/configuration, per folder path or for all (other sections: by name). */
  settings?: (scopeUri: string | undefined, section: string | undefined) => unknown;
  initializationOptions?: unknown;
  /** Do not advertise workspace/configuration (like Neovim 0.7): settings come otherwise. */
  noConfiguration?: boolean;
  /** Run `node dist/cli.js lsp --stdio` instead of `node dist/server.js --stdio`. */
  viaCli?: boolean;
  /** Another server script to run with `--stdio` (the benchmarks' baseline). */
  server?: string;
  /** Advertise `window.workDoneProgress` (scans then end with a `$/progress` end). */
  progress?: boolean;
}

type PushListener = (p: PublishDiagnosticsParams) => void;

export class LspTestClient {
  private readonly pushed = new Map<string, PublishDiagnosticsParams>();
  private readonly listeners = new Set<PushListener>();
  private readonly versions = new Map<string, number>();
  readonly requestsFromServer: string[] = [];
  /** Titles of the work done progress the server began and ended, in order of the end. */
  readonly progressEnded: string[] = [];
  private readonly progressListeners = new Set<() => void>();

  private constructor(
    readonly process: ChildProcess,
    readonly connection: ProtocolConnection,
  ) {}

  static async start(options: StartOptions = {}): Promise<LspTestClient> {
    const args = options.viaCli ? [CLI, 'lsp', '--stdio'] : [options.server ?? SERVER, '--stdio'];
    options.onSpawn?.();
    const child = spawn(process.execPath, args, {
      stdio: ['pipe', 'pipe', 'inherit'],
      env: { ...process.env, LANG: 'C' },
    });
    const connection = createProtocolConnection(
      new StreamMessageReader(child.stdout!),
      new StreamMessageWriter(child.stdin!),
    );
    const client = new LspTestClient(child, connection);
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      client.pushed.set(p.uri, p);
      for (const l of [...client.listeners]) l(p);
    });
    connection.onRequest('workspace/configuration', (params: { items: { scopeUri?: string; section?: string }[] }) => {
      client.requestsFromServer.push('workspace/configuration');
      return params.items.map((i) => (options.settings ? options.settings(i.scopeUri, i.section) : {}));
    });
    connection.onRequest(WorkDoneProgressCreateRequest.type, ({ token }) => {
      client.requestsFromServer.push(WorkDoneProgressCreateRequest.method);
      let title = '';
      connection.onProgress(WorkDoneProgress.type, token, (value) => {
        if (value.kind === 'begin') title = value.title;
        if (value.kind !== 'end') return;
        client.progressEnded.push(title);
        for (const l of [...client.progressListeners]) l();
      });
    });
    for (const method of ['client/registerCapability', 'workspace/diagnostic/refresh', 'window/showMessageRequest']) {
      connection.onRequest(method, () => {
        client.requestsFromServer.push(method);
        return null;
      });
    }
    connection.listen();
    const capabilities: ClientCapabilities = {
      window: { workDoneProgress: options.progress === true },
      workspace: {
        configuration: !options.noConfiguration,
        workspaceFolders: true,
        didChangeWatchedFiles: { dynamicRegistration: true },
      },
      textDocument: {
        synchronization: { dynamicRegistration: false },
        completion: { completionItem: { snippetSupport: true } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        publishDiagnostics: { versionSupport: true },
        ...(options.pull ? { diagnostic: { dynamicRegistration: false } } : {}),
      },
    };
    const folders = options.folders ?? [];
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folders[0] ? fileUri(folders[0]) : null,
      workspaceFolders: folders.map((f) => ({ uri: fileUri(f), name: path.basename(f) })),
      capabilities,
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  /** Resolves with the next push for `uri` that satisfies `accept` (or the latest one if it already does). */
  waitForPush(
    uri: string,
    accept: (p: PublishDiagnosticsParams) => boolean = () => true,
    includeLatest = false,
  ): Promise<PublishDiagnosticsParams> {
    const latest = this.pushed.get(uri);
    if (includeLatest && latest && accept(latest)) return Promise.resolve(latest);
    return new Promise((resolve) => {
      const listener: PushListener = (p) => {
        if (p.uri === uri && accept(p)) {
          this.listeners.delete(listener);
          resolve(p);
        }
      };
      this.listeners.add(listener);
    });
  }

  /** Resolves once `count` work done progresses have ended since the server started. */
  waitForProgressEnds(count: number): Promise<void> {
    return new Promise((resolve) => {
      const check = (): void => {
        if (this.progressEnded.length < count) return;
        this.progressListeners.delete(check);
        resolve();
      };
      this.progressListeners.add(check);
      check();
    });
  }

  /** Calls `listener` on every push until the returned function is called. */
  onPush(listener: (p: PublishDiagnosticsParams) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  latestPush(uri: string): PublishDiagnosticsParams | undefined {
    return this.pushed.get(uri);
  }

  async open(uri: string, text: string, languageId = 'json'): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version: 1, text },
    });
  }

  /** Replaces the whole text; returns the new version. */
  async change(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
    return version;
  }

  /** An incremental change, as editors send while typing; returns the new version. */
  async edit(uri: string, range: Range, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range, text }],
    });
    return version;
  }

  async pullDiagnostics(uri: string): Promise<Diagnostic[]> {
    const report: DocumentDiagnosticReport = await this.connection.sendRequest(DocumentDiagnosticRequest.type, {
      textDocument: { uri },
    });
    return report.kind === 'full' ? report.items : [];
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  async completion(uri: string, position: Position): Promise<CompletionItem[]> {
    const r: CompletionList | CompletionItem[] | null = await this.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position,
    });
    return r === null ? [] : Array.isArray(r) ? r : r.items;
  }

  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const r = await this.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range,
      context: { diagnostics, only },
    });
    return (r ?? []).filter((a): a is CodeAction => 'title' in a && !('command' in a && typeof a.command === 'string'));
  }

  async symbols(uri: string): Promise<DocumentSymbol[]> {
    const r = await this.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    return (r ?? []) as DocumentSymbol[];
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => this.process.once('exit', () => resolve()));
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    await exited;
    this.connection.dispose();
  }
}
