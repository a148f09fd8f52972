// «РРО: найти орган (departmentId)»: SearchDepartments after at least 5 characters, the full
// hierarchical names in a quick pick, the GUID written as the `departmentId` value near the
// cursor (departmentEdit.ts) or copied, and id → name
// remembered for hover (departmentsCache.ts hands them to the language server).
import * as vscode from 'vscode';
import { l10n } from '../l10n';
import {
  ApiNetworkError,
  DepartmentSearchError,
  findDepartments,
  MAX_DEPARTMENTS,
  MIN_DEPARTMENT_QUERY,
  type Department,
  message,
} from '../../../server/src/core';
import { rememberDepartments } from '../departmentsCache';
import { placeDepartment } from './departmentEdit';
import { apiSettings, makeApiClient, uiLang } from './apiSettings';
import type { ClientServices } from './index';

export const FIND_DEPARTMENT_COMMAND = 'rro.findDepartment';

/** Search, let the user choose; undefined when cancelled. `query` skips the input box (tests). */
export async function pickDepartment(services: ClientServices, query?: string): Promise<Department | undefined> {
  const folder = vscode.window.activeTextEditor
    ? vscode.workspace.getWorkspaceFolder(vscode.window.activeTextEditor.document.uri)?.uri
    : vscode.workspace.workspaceFolders?.[0]?.uri;
  const name =
    query ??
    (await vscode.window.showInputBox({
      title: l10n.t('RRO: find a department'),
      prompt: l10n.t(
        'Part of the department name, at least {0} characters (the API answers nothing to shorter queries).',
        MIN_DEPARTMENT_QUERY,
      ),
      validateInput: (v) =>
        [...v.trim()].length >= MIN_DEPARTMENT_QUERY
          ? undefined
          : l10n.t('At least {0} characters.', MIN_DEPARTMENT_QUERY),
    }));
  if (name === undefined) return undefined;
  const client = await makeApiClient(services.context, apiSettings(folder), folder);
  if (!client) return undefined;
  let found: Department[];
  try {
    const answer = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: l10n.t('RRO: searching departments…') },
      () => findDepartments(client, name),
    );
    found = answer.found;
    reportSkipped(services, answer.malformed, answer.beyond);
  } catch (e) {
    const reason =
      e instanceof DepartmentSearchError
        ? message(e.key, e.args, uiLang())
        : e instanceof ApiNetworkError
          ? `${e.failure} ${e.code}`
          : String(e);
    void vscode.window.showErrorMessage(l10n.t('RRO: department search failed: {0}', reason));
    return undefined;
  } finally {
    client.close();
  }
  services.output.info(l10n.t('Departments found: {0}.', found.length));
  if (found.length === 0) {
    void vscode.window.showInformationMessage(l10n.t('RRO: no department matches “{0}”.', name));
    return undefined;
  }
  await rememberDepartments(services.context, services.client, found);
  if (query !== undefined && found.length === 1) return found[0];
  const picked = await vscode.window.showQuickPick(
    found.map((d) => ({
      label: d.name.split(' / ').pop() ?? d.name,
      detail: d.name,
      description: d.id,
      department: d,
    })),
    { title: l10n.t('RRO: departments matching “{0}”', name), matchOnDetail: true, matchOnDescription: true },
  );
  return picked?.department;
}

/** The answer's malformed items and those beyond 50 are counted, never shown. */
function reportSkipped(services: ClientServices, malformed: number, beyond: number): void {
  if (malformed === 0 && beyond === 0) return;
  services.output.warn(
    l10n.t(
      'Department search: {0} malformed item(s) skipped, {1} beyond the first {2}.',
      malformed,
      beyond,
      MAX_DEPARTMENTS,
    ),
  );
  const notes: string[] = [];
  if (beyond > 0)
    notes.push(l10n.t('{0} more beyond the {1} the API returns at most: narrow the name.', beyond, MAX_DEPARTMENTS));
  if (malformed > 0) notes.push(l10n.t('{0} malformed item(s) of the answer skipped.', malformed));
  void vscode.window.showWarningMessage(l10n.t('RRO: departments: {0}', notes.join(' ')));
}

export function registerFindDepartment(services: ClientServices): vscode.Disposable {
  return vscode.commands.registerCommand(
    FIND_DEPARTMENT_COMMAND,
    async (query?: string): Promise<PlacedDepartment | undefined> => {
      // the editor the command was run from: the search and the quick pick take a while
      const editor = vscode.window.activeTextEditor;
      const department = await pickDepartment(services, typeof query === 'string' ? query : undefined);
      if (!department) return undefined;
      return { ...department, placed: await placeInEditor(editor, department.id) };
    },
  );
}

/** What the command did with the GUID it found (returned for tests and scripts). */
export interface PlacedDepartment extends Department {
  placed: 'replace' | 'insert' | 'copied';
}

/** The GUID as the value of the nearest `departmentId`, or on the clipboard (and said so). */
async function placeInEditor(editor: vscode.TextEditor | undefined, id: string): Promise<PlacedDepartment['placed']> {
  const document = editor?.document.isClosed ? undefined : editor?.document;
  const placement =
    editor && document && /^jsonc?$/.test(document.languageId)
      ? placeDepartment(document.getText(), document.offsetAt(editor.selection.active), id, {
          tabSize: typeof editor.options.tabSize === 'number' ? editor.options.tabSize : 2,
          insertSpaces: editor.options.insertSpaces !== false,
          eol: document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n',
        })
      : undefined;
  if (editor && document && placement) {
    const done = await editor.edit((edit) => {
      for (const e of placement.edits)
        edit.replace(
          new vscode.Range(document.positionAt(e.offset), document.positionAt(e.offset + e.length)),
          e.content,
        );
    });
    if (done) return placement.kind;
  }
  await vscode.env.clipboard.writeText(id);
  void vscode.window.showInformationMessage(
    l10n.t('RRO: no place for departmentId at the cursor; the GUID {0} is copied to the clipboard.', id),
  );
  return 'copied';
}
