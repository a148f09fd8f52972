// Starts code-server (VS Code in a browser, with a Node extension host) for one run: a free
// loopback port, no auth, and its own user-data, extensions, config and temp folders, so runs
// neither share state nor write into the home directory.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cleanEnv, type Toolchain } from './install';
import { writeMinimalLanguagePack } from './locale';
import { freePort, waitForHttp } from './net';
import { startGroup, type Group } from './processGroup';

export interface CodeServer {
  origin: string;
  runDir: string;
  logFile: string;
  group: Group;
}

/** User settings that keep the workbench quiet and deterministic for tests and pictures. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'window.commandCenter': false,
  'editor.minimap.enabled': false,
  'git.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.layoutControl.enabled': false,
};

/** The environment every process of the run sees: temp and XDG folders inside the run. */
export function runEnv(tc: Toolchain, runDir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const tmp = path.join(runDir, 'tmp');
  for (const d of [tmp, path.join(runDir, 'xdg', 'config'), path.join(runDir, 'xdg', 'data')])
    fs.mkdirSync(d, { recursive: true });
  return {
    ...cleanEnv(extra),
    PATH: `${tc.node24Bin}:${process.env.PATH ?? ''}`,
    TMPDIR: tmp,
    XDG_CONFIG_HOME: path.join(runDir, 'xdg', 'config'),
    XDG_DATA_HOME: path.join(runDir, 'xdg', 'data'),
  };
}

export async function startCodeServer(tc: Toolchain, runDir: string, locale: string | undefined): Promise<CodeServer> {
  const userData = path.join(runDir, 'user-data');
  const extensions = path.join(runDir, 'extensions');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.mkdirSync(extensions, { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  const port = await freePort();
  const logFile = path.join(runDir, 'code-server.log');
  const args = [
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--user-data-dir',
    userData,
    '--extensions-dir',
    extensions,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    // lets the workbench take the extension-development payload from the page URL
    '--vscode-option',
    'enable-smoke-test-driver',
  ];
  if (locale) {
    args.push('--locale', locale);
    if (!locale.startsWith('en')) writeMinimalLanguagePack(userData, locale);
  }
  // no extension gallery: the run makes no traffic beyond loopback
  const group = startGroup(tc.codeServerBin, args, runEnv(tc, runDir, { EXTENSIONS_GALLERY: '{}' }), logFile);
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${origin}/healthz`, 60_000, group.exited);
  } catch (e) {
    await group.stop();
    throw new Error(`code-server did not start: ${(e as Error).message}; see ${logFile}`);
  }
  return { origin, runDir, logFile, group };
}
