// Diagnostics of open documents. Pull (`textDocument/diagnostic`) when the client supports
// it; otherwise push after a short pause in typing, and only if the document has not changed
// since (a stale version's diagnostics would flash wrong squiggles).
import { DocumentDiagnosticReportKind, type DocumentDiagnosticReport } from 'vscode-languageserver/node';
import { findingsOf, logOf, openRro, type ServerContext } from './context';
import { toDiagnostics } from './diagnostics';
import { checkFailedReport, runSafe } from './runSafe';
import type { WorkspaceChecker } from './workspace';

/** Pause after the last keystroke before pushing (push mode only). */
export const PUSH_DELAY_MS = 150;

export class DiagnosticsFeature {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly ctx: ServerContext,
    private readonly workspace: WorkspaceChecker,
    private readonly pull: boolean,
    /** The client accepts `workspace/diagnostic/refresh`. */
    private readonly refreshable: boolean,
  ) {}

  register(): void {
    const { connection, documents } = this.ctx;
    if (this.pull) {
      connection.languages.diagnostics.on((params, token) =>
        runSafe(
          logOf(this.ctx),
          'diagnostic',
          token,
          checkFailedReport(this.ctx.text),
          async (): Promise<DocumentDiagnosticReport> => {
            const open = await openRro(this.ctx, params.textDocument.uri);
            const items = open ? toDiagnostics(findingsOf(open), open.snapshot.lines, this.ctx.text) : [];
            return { kind: DocumentDiagnosticReportKind.Full, items };
          },
        ),
      );
    }
    documents.onDidOpen((e) => {
      this.workspace.opened(e.document.uri);
      if (!this.pull) this.schedule(e.document.uri, 0);
    });
    documents.onDidChangeContent((e) => {
      if (!this.pull) this.schedule(e.document.uri, PUSH_DELAY_MS);
    });
    documents.onDidClose((e) => {
      const uri = e.document.uri;
      clearTimeout(this.timers.get(uri));
      this.timers.delete(uri);
      this.ctx.snapshots.delete(uri);
      if (!this.pull) void connection.sendDiagnostics({ uri, diagnostics: [] });
      void this.workspace.closed(uri);
    });
  }

  private schedule(uri: string, delay: number): void {
    clearTimeout(this.timers.get(uri));
    const version = this.ctx.documents.get(uri)?.version;
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.push(uri, version);
      }, delay),
    );
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
    if (!this.pull) for (const d of this.ctx.documents.all()) this.schedule(d.uri, 0);
    else if (this.refreshable) void this.ctx.connection.languages.diagnostics.refresh().catch(() => undefined);
  }
}
