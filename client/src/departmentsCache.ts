// Department names the user has looked up (SearchDepartments) are kept across sessions and
// handed to the server, which shows them in hover and completion. A departments command
// calls `rememberDepartments` with what it found.
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DEPARTMENTS_CACHE, type DepartmentName, type DepartmentsCacheParams } from '../../server/src/lsp/protocol';

const KEY = 'rro.departments';

export function cachedDepartments(context: vscode.ExtensionContext): DepartmentName[] {
  return context.globalState.get<DepartmentName[]>(KEY) ?? [];
}

/** Merges `found` into the cache (newer names win) and tells the server. */
export async function rememberDepartments(
  context: vscode.ExtensionContext,
  client: LanguageClient,
  found: readonly DepartmentName[],
): Promise<void> {
  const byId = new Map(cachedDepartments(context).map((d) => [d.id.toLowerCase(), d]));
  for (const d of found) byId.set(d.id.toLowerCase(), { id: d.id, name: d.name });
  const departments = [...byId.values()];
  await context.globalState.update(KEY, departments);
  const params: DepartmentsCacheParams = { departments };
  await client.sendNotification(DEPARTMENTS_CACHE, params);
}
