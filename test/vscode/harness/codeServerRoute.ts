// The code-server route: code-server serves the workbench, headless Chromium loads it with the
// smoke-test-driver payload (extensionDevelopmentPath + extensionTestsPath as vscode-remote
// URIs), VS Code runs the suite's run() in its Node extension host and reports the outcome
// through window.codeAutomationExit(code) — which the page exposes back to us.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openBrowser } from './browser';
import { startCodeServer } from './codeServer';
import type { Toolchain } from './install';

export interface RouteOptions {
  workspace: string;
  extensionDir: string;
  testsEntry: string;
  env: Record<string, string>;
  runDir: string;
  timeoutMs: number;
  locale?: string;
  log: (line: string) => void;
}

/** The workbench URL that opens `workspace` and runs the tests (or just the extension). */
export function workbenchUrl(
  origin: string,
  o: { workspace: string; extensionDir: string; testsEntry?: string; env?: Record<string, string> },
): string {
  const host = new URL(origin).host;
  const payload: [string, string][] = [
    ['extensionDevelopmentPath', `vscode-remote://${host}${o.extensionDir}`],
    ['skipWelcome', 'true'],
  ];
  if (o.testsEntry) payload.push(['extensionTestsPath', `vscode-remote://${host}${o.testsEntry}`]);
  if (o.env) payload.push(['extensionEnvironment', JSON.stringify(o.env)]);
  return `${origin}/?folder=${encodeURIComponent(o.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

export async function runInCodeServer(tc: Toolchain, o: RouteOptions): Promise<number> {
  const server = await startCodeServer(tc, o.runDir, o.locale);
  o.log(`code-server ${server.origin} (log: ${server.logFile})`);
  let timer: NodeJS.Timeout | undefined;
  try {
    const browser = await openBrowser(tc, o.runDir, undefined, o.locale);
    try {
      const { page } = browser;
      // the page console (the extension host's output among it) goes to a file in the run folder
      const consoleLog = fs.createWriteStream(path.join(o.runDir, 'page-console.log'));
      page.on('console', (m) => consoleLog.write(`[${m.type()}] ${m.text()}\n`));
      let reportExit: (code: number) => void = () => undefined;
      const exited = new Promise<number>((resolve) => (reportExit = resolve));
      await page.exposeFunction('codeAutomationExit', (code: unknown) =>
        reportExit(typeof code === 'number' ? code : 1),
      );
      const timedOut = new Promise<number>((resolve) => {
        timer = setTimeout(() => {
          o.log(`timeout: the suite did not finish within ${o.timeoutMs} ms`);
          resolve(124);
        }, o.timeoutMs);
      });
      let settled = false;
      const serverDied = server.group.exited.then((why) => {
        if (!settled) o.log(`code-server exited early (${String(why)}); see ${server.logFile}`);
        return 125;
      });
      await page.goto(workbenchUrl(server.origin, o), { timeout: 60_000 });
      const code = await Promise.race([exited, timedOut, serverDied]);
      settled = true;
      return code;
    } finally {
      await browser.close().catch(() => undefined);
    }
  } finally {
    if (timer) clearTimeout(timer);
    await server.group.stop();
  }
}
