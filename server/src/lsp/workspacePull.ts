// `workspace/diagnostic`: the problems of every file on disk, pulled by clients that support
// it (issue 14). Each report carries a result id per file (settings generation, mtime, size);
// a file whose id the client already has is answered `unchanged` without being read, so the
// re-pulls clients make every few seconds cost one stat per file. Open documents are left to
// `textDocument/diagnostic`. The first pull switches the workspace scan off (see
// WorkspaceChecker.switchToPull): one source per file, never the same problem twice.
import { statSync } from 'node:fs';
import {
  DocumentDiagnosticReportKind,
  type CancellationToken,
  type DiagnosticServerCancellationData,
  type ResponseError,
  type WorkspaceDiagnosticParams,
  type WorkspaceDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import { LineIndex } from '../engine';
import { cancelled } from './cancel';
import type { ServerContext } from './context';
import { toDiagnostics } from './diagnostics';
import { documentKey, pathToUri } from './folders';
import { checkDisk, type WorkspaceChecker } from './workspace';

export class WorkspacePull {
  /** Bumped when settings change: every result id handed out before is stale. */
  private generation = 0;

  constructor(
    private readonly ctx: ServerContext,
    private readonly workspace: WorkspaceChecker,
  ) {}

  register(): void {
    this.ctx.connection.languages.diagnostics.onWorkspace((params, token) => this.report(params, token));
  }

  settingsChanged(): void {
    this.generation++;
  }

  async report(
    params: WorkspaceDiagnosticParams,
    token: CancellationToken,
  ): Promise<WorkspaceDiagnosticReport | ResponseError<DiagnosticServerCancellationData>> {
    this.workspace.switchToPull();
    const previous = new Map(params.previousResultIds.map((p) => [documentKey(p.uri), p]));
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    const reported = new Set<string>();
    for (const folder of this.ctx.folders.all()) {
      await this.workspace.walk(folder.fsPath, token, true, (fsPath, scope, open) => {
        if (open.has(fsPath)) return;
        const stat = statSync(fsPath, { throwIfNoEntry: false });
        if (!stat?.isFile()) return;
        reported.add(fsPath);
        const uri = pathToUri(fsPath);
        const resultId = `${this.generation}:${stat.mtimeMs}:${stat.size}`;
        if (previous.get(fsPath)?.value === resultId) {
          items.push({ kind: DocumentDiagnosticReportKind.Unchanged, uri, version: null, resultId });
          return;
        }
        const result = checkDisk(fsPath, scope.options);
        // As the scan: a file that is not ours has no findings, a walked file that is not JSON may.
        const diagnostics =
          result && result.findings.length > 0
            ? toDiagnostics(result.findings, new LineIndex(result.text), this.ctx.text)
            : [];
        items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, resultId, items: diagnostics });
      });
      if (token.isCancellationRequested) return cancelled<DiagnosticServerCancellationData>();
    }
    // Files the client knows from earlier reports that are gone, excluded or open now: cleared.
    for (const [key, p] of previous) {
      if (!reported.has(key))
        items.push({ kind: DocumentDiagnosticReportKind.Full, uri: p.uri, version: null, items: [] });
    }
    return { items };
  }
}
