// Where the data goes: a status bar item names the API the extension sends to («РРО: эмулятор»,
// «РРО: 172.16.10.200»), and «РРО: выбрать сервер» picks one of the named targets of
// `rro.api.targets` (like REST Client's environments), the emulator on this computer, or a URL
// typed and checked inline. The choice is written to `rro.api.url` where that setting lives
// now (user settings unless the workspace sets it). Trust rules stay: a target that comes from
// the workspace's settings is confirmed once per host before it is used, and sending itself
// still confirms workspace URLs (apiSettings.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import * as vscode from 'vscode';
import { confirmHost } from './hostTrust';
import { l10n } from './l10n';
import { EndpointError, parseRoot } from '../../server/src/core';

export const SELECT_TARGET_COMMAND = 'rro.selectTarget';
/** Internal: before files are picked for sending, a server is chosen (and the emulator running). */
export const ENSURE_TARGET_COMMAND = 'rro.ensureTarget';
/** The emulator the extension starts (`rro serve`) listens here, on loopback only. */
export const EMULATOR_PORT = 47080;
export const EMULATOR_URL = `http://127.0.0.1:${EMULATOR_PORT}`;

export interface ApiTarget {
  name: string;
  url: string;
  /** Defined in the workspace's (or folder's) settings, not the user's. */
  fromWorkspace: boolean;
}

/** What the command returns (for tests and scripts). */
export interface TargetChoice {
  url: string;
  label: string;
}

function isTarget(v: unknown): v is { name: string; url: string } {
  if (typeof v !== 'object' || v === null) return false;
  const t = v as Record<string, unknown>;
  return typeof t.name === 'string' && typeof t.url === 'string' && t.name.trim() !== '' && t.url.trim() !== '';
}

export function namedTargets(resource?: vscode.Uri): ApiTarget[] {
  const inspected = vscode.workspace.getConfiguration('rro.api', resource ?? null).inspect<unknown[]>('targets');
  const list = (values: unknown, fromWorkspace: boolean): ApiTarget[] =>
    (Array.isArray(values) ? values : [])
      .filter(isTarget)
      .map((t) => ({ name: t.name.trim(), url: t.url.trim(), fromWorkspace }));
  return [
    ...list(inspected?.globalValue, false),
    ...list(inspected?.workspaceValue, true),
    ...list(inspected?.workspaceFolderValue, true),
  ];
}

/** The URL's problem in the user's words, or undefined when it can be used. */
export function urlProblem(text: string): string | undefined {
  try {
    parseRoot(text);
    return undefined;
  } catch (e) {
    if (e instanceof EndpointError) return (URL_PROBLEMS[e.key] ?? URL_PROBLEMS['api.url.invalid']!)(e.args);
    return e instanceof Error ? e.message : String(e);
  }
}

/** The endpoint's complaints in words for the UI (the CLI's name environment variables). */
const URL_PROBLEMS: Readonly<Record<string, (a: Readonly<Record<string, string>>) => string>> = {
  'api.url.invalid': (a) =>
    l10n.t('“{0}” is not an address. Type the server’s root, e.g. http://172.16.10.200/IPCP.', a.url ?? ''),
  'api.url.protocol': () => l10n.t('Only addresses starting with http:// or https:// can be used.'),
  'api.url.credentials': () =>
    l10n.t('The address contains a user name or password; set them as request headers instead.'),
  'api.url.query': (a) => l10n.t('The address must end at the server’s root, without “?” or “#”: {0}', a.url ?? ''),
};

/** «эмулятор», a named target's name, or the host of the URL; undefined when none is set. */
export function targetLabel(url: string, resource?: vscode.Uri): string | undefined {
  if (!url) return undefined;
  if (url.replace(/\/+$/, '') === EMULATOR_URL) return l10n.t('emulator');
  const named = namedTargets(resource).find((t) => t.url.replace(/\/+$/, '') === url.replace(/\/+$/, ''));
  if (named) return named.name;
  try {
    return parseRoot(url).root.hostname;
  } catch {
    return url;
  }
}

export class Targets implements vscode.Disposable {
  private item: vscode.StatusBarItem | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private emulator: ChildProcess | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      vscode.commands.registerCommand(SELECT_TARGET_COMMAND, (name?: string) =>
        this.select(typeof name === 'string' ? name : undefined),
      ),
      vscode.commands.registerCommand(ENSURE_TARGET_COMMAND, () => this.ensure()),
    );
  }

  /** The status bar item (after activation: activation itself only registers the commands). */
  showStatus(): void {
    if (this.item) return;
    this.item = vscode.window.createStatusBarItem('rro.target', vscode.StatusBarAlignment.Left, 10);
    this.item.name = l10n.t('RRO: API server');
    this.item.command = SELECT_TARGET_COMMAND;
    this.disposables.push(
      this.item,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('rro.api')) this.refresh();
      }),
    );
    this.refresh();
    this.item.show();
  }

  private url(): string {
    return (vscode.workspace.getConfiguration('rro.api').get<string>('url') ?? '').trim();
  }

  private refresh(): void {
    if (!this.item) return;
    const url = this.url();
    const label = targetLabel(url);
    this.item.text = label ? `$(cloud-upload) ${l10n.t('RRO: {0}', label)}` : `$(warning) ${l10n.t('RRO: no server')}`;
    this.item.tooltip = label
      ? l10n.t('Appeals are sent to {0}. Click to choose another server.', url)
      : l10n.t('No API server is chosen yet. Click to choose one.');
    this.item.backgroundColor = label ? undefined : new vscode.ThemeColor('statusBarItem.warningBackground');
  }

  /** True when a usable server is set (asking for one first when none is); starts the emulator if chosen. */
  async ensure(): Promise<boolean> {
    const url = this.url();
    if (!url) return (await this.select()) !== undefined;
    if (url.replace(/\/+$/, '') === EMULATOR_URL) return this.startEmulator();
    return true;
  }

  /**
   * The target picked (by `name` when given: a named target, `emulator`, or a URL), written to
   * `rro.api.url`; undefined when cancelled or refused.
   */
  async select(name?: string): Promise<TargetChoice | undefined> {
    const targets = namedTargets();
    let url: string | undefined;
    let target: ApiTarget | undefined;
    if (name !== undefined) {
      target = targets.find((t) => t.name === name);
      url = target?.url ?? (name === 'emulator' ? EMULATOR_URL : name);
    } else {
      const picked = await this.pick(targets);
      if (!picked) return undefined;
      ({ url, target } = picked);
    }
    if (!url) return undefined;
    const problem = urlProblem(url);
    if (problem) {
      void vscode.window.showErrorMessage(l10n.t('RRO: this server address cannot be used: {0}', problem));
      return undefined;
    }
    if (target?.fromWorkspace && !(await confirmHost(this.context, parseRoot(url).host))) return undefined;
    if (url === EMULATOR_URL && !(await this.startEmulator())) return undefined;
    const config = vscode.workspace.getConfiguration('rro.api');
    const where = config.inspect<string>('url');
    const scope =
      where?.workspaceFolderValue !== undefined || where?.workspaceValue !== undefined
        ? vscode.ConfigurationTarget.Workspace
        : vscode.ConfigurationTarget.Global;
    await config.update('url', url, scope);
    this.refresh();
    const label = targetLabel(url) ?? url;
    this.output.info(l10n.t('Appeals will be sent to {0}.', label));
    return { url, label };
  }

  private async pick(targets: ApiTarget[]): Promise<{ url: string; target?: ApiTarget } | undefined> {
    type Item = vscode.QuickPickItem & { url?: string; target?: ApiTarget; typed?: boolean };
    const current = this.url();
    const items: Item[] = [
      ...targets.map((t) => ({
        label: t.name,
        description: t.url,
        detail: t.fromWorkspace ? l10n.t('from this workspace’s settings') : undefined,
        url: t.url,
        target: t,
        picked: t.url === current,
      })),
      {
        label: l10n.t('Emulator on this computer'),
        description: EMULATOR_URL,
        detail: l10n.t('For practice: nothing leaves this computer.'),
        url: EMULATOR_URL,
      },
    ];
    const input = vscode.window.createQuickPick<Item>();
    input.title = l10n.t('RRO: where to send appeals');
    input.placeholder = l10n.t('Choose a server or type its address, e.g. http://172.16.10.200/IPCP');
    input.items = items;
    input.matchOnDescription = true;
    input.ignoreFocusOut = true;
    return new Promise((resolve) => {
      let done = false;
      const finish = (v: { url: string; target?: ApiTarget } | undefined): void => {
        if (done) return;
        done = true;
        resolve(v);
        input.dispose();
      };
      input.onDidChangeValue((value) => {
        const typed = value.trim();
        const looksLikeUrl = /^[a-z]+:\/\//i.test(typed);
        const problem = looksLikeUrl ? urlProblem(typed) : undefined;
        // checked as it is typed: an unusable address shows why, and cannot be accepted
        const first: Item | undefined = !looksLikeUrl
          ? undefined
          : problem
            ? { label: `$(error) ${problem}`, alwaysShow: true }
            : {
                label: typed,
                description: l10n.t('use this address'),
                url: typed,
                typed: true,
                alwaysShow: true,
              };
        input.items = first ? [first, ...items] : items;
      });
      input.onDidAccept(() => {
        const chosen = input.selectedItems[0];
        if (!chosen?.url) return;
        if (chosen.typed && urlProblem(chosen.url)) return; // the message is shown; stay open
        finish({ url: chosen.url, target: chosen.target });
      });
      input.onDidHide(() => finish(undefined));
      input.show();
    });
  }

  /** Starts `rro serve` on the emulator's port unless something answers there already. */
  private async startEmulator(): Promise<boolean> {
    if (await answers(EMULATOR_URL)) return true;
    const cli = this.context.asAbsolutePath('dist/cli.js');
    const child = spawn(process.execPath, [cli, 'serve', '--port', String(EMULATOR_PORT), '--host', '127.0.0.1'], {
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.emulator = child;
    const started = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 15_000);
      child.stdout?.on('data', (chunk: Buffer) => {
        if (/listening/i.test(chunk.toString())) {
          clearTimeout(timer);
          resolve(true);
        }
      });
      child.once('exit', () => {
        clearTimeout(timer);
        resolve(false);
      });
    });
    if (!started) {
      child.kill();
      void vscode.window.showErrorMessage(
        l10n.t('RRO: the emulator did not start (port {0} may be taken).', EMULATOR_PORT),
      );
      return false;
    }
    this.output.info(l10n.t('The emulator runs at {0}.', EMULATOR_URL));
    return true;
  }

  dispose(): void {
    this.emulator?.kill();
    for (const d of this.disposables) d.dispose();
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}
