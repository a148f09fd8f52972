// A host named by the workspace's settings (not the user's) is trusted once, by asking; the
// answer is remembered per host. Used before sending and when a target is chosen.
import * as vscode from 'vscode';
import { l10n } from './l10n';

const CONFIRMED_HOSTS = 'rro.api.confirmedHosts';

export async function confirmHost(context: vscode.ExtensionContext, host: string): Promise<boolean> {
  const confirmed = context.globalState.get<string[]>(CONFIRMED_HOSTS) ?? [];
  if (confirmed.includes(host)) return true;
  const trust = l10n.t('Trust this host');
  const answer = await vscode.window.showWarningMessage(
    l10n.t('The API URL comes from this workspace’s settings, not yours: {0}. Send appeals to this host?', host),
    { modal: true },
    trust,
  );
  if (answer !== trust) return false;
  await context.globalState.update(CONFIRMED_HOSTS, [...confirmed, host]);
  return true;
}
