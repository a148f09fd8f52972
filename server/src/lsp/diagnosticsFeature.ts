// Diagnostics of open documents. Pull (`textDocument/diagnostic`) when the client supports
// it; otherwise push: at once for a newly opened document, after a short pause in typing for
// edits, and only if the document has not changed since (a stale version's diagnostics would
// flash wrong squiggles).
import { DocumentDiagnosticReportKind, type DocumentDiagnosticReport } from 'vscode-languageserver/node';
import { findingsOf, logOf, openRro, type ServerContext } from './context';
import { toDiagnostics } from './diagnostics';
import { checkFailedReport, runSafe } from './runSafe';
import type { WorkspaceChecker } from './workspace';
import { WorkspacePull } from './workspacePull';

/** Pause after the last keystroke before pushing (push mode only). */
export const PUSH_DELAY_MS = 150;

interface PendingPush {
  timer: NodeJS.Timeout;
  version: number | undefined;
  due: number;
}

export class DiagnosticsFeature {
  private readonly timers = new Map<string, PendingPush>();
  /** Documents whose didOpen came and whose first content event has not yet. */
  private readonly opening = new Set<string>();

  constructor(
    private readonly ctx: ServerContext,
    private readonly workspace: WorkspaceChecker,
    private readonly pull: boolean,
    /** The client accepts `workspace/diagnostic/refresh`. */
    private readonly refreshable: boolean,
    /** Answer `workspace/diagnostic` (advertised as `workspaceDiagnostics`). */
    private readonly workspacePull = false,
  ) {
    this.pulled = new WorkspacePull(ctx, workspace);
  }

  private readonly pulled: WorkspacePull;

  private askToPullAgain(): void {
    if (this.refreshable) void this.ctx.connection.languages.diagnostics.refresh().catch(() => undefined);
  }

  register(): void {
    const { connection, documents } = this.ctx;
    if (this.pull) {
      connection.languages.diagnostics.on((params, token) => {
        this.workspace.editorActive('request');
        return runSafe(
          logOf(this.ctx),
          'diagnostic',
          token,
          checkFailedReport(this.ctx.text),
          async (): Promise<DocumentDiagnosticReport> => {
            const open = await openRro(this.ctx, params.textDocument.uri);
            const items = open ? toDiagnostics(findingsOf(open), open.snapshot.lines, this.ctx.text) : [];
            return { kind: DocumentDiagnosticReportKind.Full, items };
          },
        );
      });
    }
    if (this.workspacePull) {
      this.pulled.register();
      this.workspace.onPulledChange = () => this.askToPullAgain();
    }
    documents.onDidOpen((e) => {
      this.opening.add(e.document.uri);
      this.workspace.opened(e.document.uri);
      if (!this.pull) this.schedule(e.document.uri, 0);
    });
    // TextDocuments fires this right after onDidOpen for the same version too: schedule keeps
    // the opening's immediate push then, so only real edits wait for the typing pause.
    documents.onDidChangeContent((e) => {
      // The content event of an opening is no keystroke.
      if (!this.opening.delete(e.document.uri)) this.workspace.editorActive('edit');
      if (!this.pull) this.schedule(e.document.uri, PUSH_DELAY_MS);
    });
    documents.onDidClose((e) => {
      const uri = e.document.uri;
      clearTimeout(this.timers.get(uri)?.timer);
      this.timers.delete(uri);
      this.ctx.snapshots.delete(uri);
      if (!this.pull) void connection.sendDiagnostics({ uri, diagnostics: [] });
      void this.workspace.closed(uri);
    });
  }

  /** Pushes `uri` after `delay`, unless a push of the same version is already due sooner. */
  private schedule(uri: string, delay: number): void {
    const version = this.ctx.documents.get(uri)?.version;
    const due = Date.now() + delay;
    const pending = this.timers.get(uri);
    if (pending && pending.version === version && pending.due <= due) return;
    clearTimeout(pending?.timer);
    const timer = setTimeout(() => {
      this.timers.delete(uri);
      void this.push(uri, version);
    }, delay);
    this.timers.set(uri, { timer, version, due });
  }

  private async push(uri: string, version: number | undefined): Promise<void> {
    if (this.ctx.documents.get(uri)?.version !== version) return;
    const open = await openRro(this.ctx, uri);
    // Typing went on while settings were read or the text checked: that version will push.
    if (this.ctx.documents.get(uri)?.version !== version) return;
    const diagnostics = open ? toDiagnostics(findingsOf(open), open.snapshot.lines, this.ctx.text) : [];
    void this.ctx.connection.sendDiagnostics({ uri, version, diagnostics });
  }

  /** Settings or department data changed: recompute what the editor shows. */
  refresh(): void {
    this.pulled.settingsChanged();
    if (!this.pull) for (const d of this.ctx.documents.all()) this.schedule(d.uri, 0);
    else this.askToPullAgain();
  }
}
