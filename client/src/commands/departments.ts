// «РРО: найти орган (departmentId)»: SearchDepartments after at least 5 characters, the full
// hierarchical names in a quick pick, the GUID inserted at the cursor (or copied), and id → name
// remembered for hover (departmentsCache.ts hands them to the language server).
import * as vscode from 'vscode';
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
      title: vscode.l10n.t('RRO: find a department'),
      prompt: vscode.l10n.t(
        'Part of the department name, at least {0} characters (the API answers nothing to shorter queries).',
        MIN_DEPARTMENT_QUERY,
      ),
      validateInput: (v) =>
        [...v.trim()].length >= MIN_DEPARTMENT_QUERY
          ? undefined
          : vscode.l10n.t('At least {0} characters.', MIN_DEPARTMENT_QUERY),
    }));
  if (name === undefined) return undefined;
  const client = await makeApiClient(services.context, apiSettings(folder), folder);
  if (!client) return undefined;
  let found: Department[];
  try {
    const answer = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('RRO: searching departments…') },
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
    void vscode.window.showErrorMessage(vscode.l10n.t('RRO: department search failed: {0}', reason));
    return undefined;
  } finally {
    client.close();
  }
  services.output.info(`departments: ${found.length} found`);
  if (found.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('RRO: no department matches “{0}”.', name));
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
    { title: vscode.l10n.t('RRO: departments matching “{0}”', name), matchOnDetail: true, matchOnDescription: true },
  );
  return picked?.department;
}

/** The answer's malformed items and those beyond 50 are counted, never shown. */
function reportSkipped(services: ClientServices, malformed: number, beyond: number): void {
  if (malformed === 0 && beyond === 0) return;
  services.output.warn(`departments: ${malformed} malformed, ${beyond} beyond ${MAX_DEPARTMENTS}`);
  const notes: string[] = [];
  if (beyond > 0)
    notes.push(
      vscode.l10n.t('{0} more beyond the {1} the API returns at most: narrow the name.', beyond, MAX_DEPARTMENTS),
    );
  if (malformed > 0) notes.push(vscode.l10n.t('{0} malformed item(s) of the answer skipped.', malformed));
  void vscode.window.showWarningMessage(vscode.l10n.t('RRO: departments: {0}', notes.join(' ')));
}

export function registerFindDepartment(services: ClientServices): vscode.Disposable {
  return vscode.commands.registerCommand(
    FIND_DEPARTMENT_COMMAND,
    async (query?: string): Promise<Department | undefined> => {
      const department = await pickDepartment(services, typeof query === 'string' ? query : undefined);
      if (!department) return undefined;
      const editor = vscode.window.activeTextEditor;
      if (editor) {
        await editor.edit((edit) => edit.replace(editor.selection, department.id));
      } else {
        await vscode.env.clipboard.writeText(department.id);
        void vscode.window.showInformationMessage(vscode.l10n.t('RRO: {0} copied.', department.id));
      }
      return department;
    },
  );
}
