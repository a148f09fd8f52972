// The @vscode/test-electron route, for machines that can download VS Code or have one
// (VSCODE_EXECUTABLE). test-electron finds or downloads the build; we launch it with the same
// arguments its runTests() uses, but in our own process group, so a hang is killed whole.
import { downloadAndUnzipVSCode } from '@vscode/test-electron';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeMinimalLanguagePack } from './locale';
import { startGroup } from './processGroup';

export interface ElectronOptions {
  workspace: string;
  extensionDir: string;
  companions?: string[];
  testsEntry: string;
  env: Record<string, string>;
  runDir: string;
  cache: string;
  timeoutMs: number;
  locale?: string;
  log: (line: string) => void;
}

export async function runInElectron(o: ElectronOptions): Promise<number> {
  const executable =
    process.env.VSCODE_EXECUTABLE ??
    (await downloadAndUnzipVSCode({ cachePath: path.join(o.cache, 'vscode-test'), version: 'stable' }));
  const userData = path.join(o.runDir, 'user-data');
  const extensions = path.join(o.runDir, 'extensions');
  fs.mkdirSync(userData, { recursive: true });
  fs.mkdirSync(extensions, { recursive: true });
  const args = [
    o.workspace,
    '--no-sandbox',
    '--disable-gpu-sandbox',
    '--disable-updates',
    '--skip-welcome',
    '--skip-release-notes',
    '--no-cached-data',
    '--disable-workspace-trust',
    '--disable-extensions',
    `--user-data-dir=${userData}`,
    `--extensions-dir=${extensions}`,
    `--extensionTestsPath=${o.testsEntry}`,
    `--extensionDevelopmentPath=${o.extensionDir}`,
    ...(o.companions ?? []).map((dir) => `--extensionDevelopmentPath=${dir}`),
  ];
  if (o.locale) {
    args.push(`--locale=${o.locale}`);
    // desktop VS Code resolves the language from the same languagepacks.json as code-server
    if (!o.locale.startsWith('en')) writeMinimalLanguagePack(userData, o.locale);
  }
  const logFile = path.join(o.runDir, 'vscode.log');
  o.log(`VS Code ${executable} (log: ${logFile})`);
  const env = { ...process.env, ...o.env, TMPDIR: path.join(o.runDir, 'tmp') };
  fs.mkdirSync(env.TMPDIR, { recursive: true });
  const group = startGroup(executable, args, env, logFile);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<number>((resolve) => {
    timer = setTimeout(() => {
      o.log(`timeout: the suite did not finish within ${o.timeoutMs} ms`);
      resolve(124);
    }, o.timeoutMs);
  });
  try {
    const code = await Promise.race([group.exited, timedOut]);
    return typeof code === 'number' ? code : 1;
  } finally {
    if (timer) clearTimeout(timer);
    await group.stop();
  }
}
