// Helpers for the in-VS-Code suite. Everything waits on VS Code events or promises; where a
// feature has no event (a hover from a server that is still starting), `eventually` retries
// with a deadline — never a fixed sleep.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'rro-tools.rro-tools';

export function folder(): vscode.WorkspaceFolder {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the fixture workspace is open');
  return f;
}

export function fileUri(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(folder().uri, ...relative.split('/'));
}

export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is installed in the development host`);
  await ext.activate();
  return ext;
}

export async function openDoc(relative: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fileUri(relative));
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** A diagnostic reduced to what tests assert: rule id and range (0-based). */
export interface DiagShape {
  code: string;
  range: [number, number, number, number];
}

export function shape(d: vscode.Diagnostic): DiagShape {
  const code = typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code ?? '');
  const r = d.range;
  return { code, range: [r.start.line, r.start.character, r.end.line, r.end.character] };
}

export function shapes(uri: vscode.Uri): DiagShape[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === undefined || /rro|РРО/i.test(d.source) || String(shape(d).code).startsWith('rro/'))
    .map(shape);
}

/** Resolves once `uri`'s diagnostics satisfy `ok`, checked now and on every change event. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  ok: (d: DiagShape[]) => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<DiagShape[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const now = shapes(uri);
      if (!ok(now)) return false;
      done();
      resolve(now);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      done();
      reject(
        new Error(
          `timed out waiting for ${what} on ${vscode.workspace.asRelativePath(uri)}; have ${JSON.stringify(shapes(uri))}`,
        ),
      );
    }, timeoutMs);
    const done = (): void => {
      clearTimeout(timer);
      sub.dispose();
    };
    check();
  });
}

/** Retries `attempt` until it returns a value (not undefined) or the deadline passes. */
export async function eventually<T>(
  attempt: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await attempt();
      if (v !== undefined) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Position of the first occurrence of `needle` in the document (plus `delta` characters). */
export function positionOf(doc: vscode.TextDocument, needle: string, delta = 0): vscode.Position {
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `${needle} is in ${vscode.workspace.asRelativePath(doc.uri)}`);
  return doc.positionAt(at + delta);
}
