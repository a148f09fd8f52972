// `rro.api.*` settings as typed values, the extra headers kept in SecretStorage, and the HTTP
// client built from them. An API URL set in workspace settings (not the user's own) could be a
// trap in a cloned repository: it is confirmed once per host before anything is sent there.
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { confirmHost } from '../hostTrust';
import { l10n } from '../l10n';
import {
  ApiClient,
  checkHeaders,
  DEFAULT_TIMEOUT_MS,
  EndpointError,
  parseRoot,
  message,
  DEFAULT_RETRY,
} from '../../../server/src/core';
import { uiLang } from './engineOptions';

export { uiLang };

export const HEADERS_SECRET = 'rro.api.headers';

export interface ApiSettings {
  url: string;
  /** The URL comes from workspace or folder settings. */
  fromWorkspace: boolean;
  reportDir: string;
  concurrency: number;
  timeoutMs: number;
  retries: number;
  caFile: string;
}

export function apiSettings(resource: vscode.Uri | undefined): ApiSettings {
  const c = vscode.workspace.getConfiguration('rro.api', resource ?? null);
  const url = c.inspect<string>('url');
  const num = (key: string, fallback: number, min: number): number => {
    const v = c.get<number>(key);
    return typeof v === 'number' && Number.isFinite(v) && v >= min ? v : fallback;
  };
  return {
    url: (c.get<string>('url') ?? '').trim(),
    fromWorkspace: !!(url?.workspaceFolderValue || url?.workspaceValue),
    reportDir: c.get<string>('reportDir') || path.join('.rro', 'reports'),
    concurrency: Math.floor(num('concurrency', 2, 1)),
    timeoutMs: num('timeout', DEFAULT_TIMEOUT_MS / 1000, 1) * 1000,
    retries: Math.floor(num('retries', DEFAULT_RETRY.retries, 0)),
    caFile: (c.get<string>('caFile') ?? '').trim(),
  };
}

/** Ask once per host when the URL came from the workspace; the answer is remembered. */
export async function confirmWorkspaceHost(
  context: vscode.ExtensionContext,
  settings: ApiSettings,
  host: string,
): Promise<boolean> {
  return !settings.fromWorkspace || confirmHost(context, host);
}

/** The client for `settings`, or undefined after telling the user what is wrong. */
export async function makeApiClient(
  context: vscode.ExtensionContext,
  settings: ApiSettings,
  folder: vscode.Uri | undefined,
): Promise<ApiClient | undefined> {
  if (!settings.url) {
    const choose = l10n.t('Choose a Server');
    const pick = await vscode.window.showErrorMessage(l10n.t('RRO: no API server is chosen yet.'), choose);
    if (pick === choose) void vscode.commands.executeCommand('rro.selectTarget');
    return undefined;
  }
  try {
    const endpoint = parseRoot(settings.url);
    const headers = checkHeaders(parseSecret(await context.secrets.get(HEADERS_SECRET)));
    let ca: string | undefined;
    if (settings.caFile) {
      const file =
        path.isAbsolute(settings.caFile) || !folder ? settings.caFile : path.join(folder.fsPath, settings.caFile);
      ca = await readFile(file, 'utf8');
    }
    const proxySetting = vscode.workspace.getConfiguration('http').get<string>('proxy') ?? '';
    const proxy = proxySetting && !isLoopback(endpoint.root.hostname) ? new URL(proxySetting) : undefined;
    return new ApiClient({ endpoint, headers, ca, proxy, timeoutMs: settings.timeoutMs });
  } catch (e) {
    const reason =
      e instanceof EndpointError ? message(e.key, e.args, uiLang()) : e instanceof Error ? e.message : String(e);
    void vscode.window.showErrorMessage(l10n.t('RRO: cannot use the API settings: {0}', reason));
    return undefined;
  }
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || /^127\./.test(host);
}

export function parseSecret(text: string | undefined): Record<string, string> {
  if (!text) return {};
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
  return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** «РРО: задать заголовки API»: `Name: value` lines into SecretStorage (empty clears them). */
export async function setApiHeaders(context: vscode.ExtensionContext): Promise<void> {
  const text = await vscode.window.showInputBox({
    title: l10n.t('RRO: API request headers'),
    prompt: l10n.t(
      'Headers sent with every API request, e.g. “Authorization: Bearer …”; several separated by “;;”. Kept in the OS secret store. Empty clears them.',
    ),
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) => (headerLines(value) ? undefined : l10n.t('Write each header as “Name: value”.')),
  });
  if (text === undefined) return;
  const headers = headerLines(text)!;
  if (Object.keys(headers).length === 0) await context.secrets.delete(HEADERS_SECRET);
  else await context.secrets.store(HEADERS_SECRET, JSON.stringify(headers));
  void vscode.window.showInformationMessage(l10n.t('RRO: {0} API header(s) stored.', Object.keys(headers).length));
}

function headerLines(text: string): Record<string, string> | undefined {
  const headers: Record<string, string> = {};
  for (const part of text.split(';;')) {
    if (!part.trim()) continue;
    const colon = part.indexOf(':');
    if (colon <= 0) return undefined;
    headers[part.slice(0, colon).trim()] = part.slice(colon + 1).trim();
  }
  try {
    return checkHeaders(headers);
  } catch {
    return undefined;
  }
}
