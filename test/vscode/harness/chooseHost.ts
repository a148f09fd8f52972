// Which real VS Code runs the suite: a desktop build through @vscode/test-electron when one is
// given or can be downloaded, else code-server. The only network traffic is one DNS lookup.
import * as dns from 'node:dns';

export type Host = 'electron' | 'code-server';
export const DOWNLOAD_HOST = 'update.code.visualstudio.com';

function resolves(host: string, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    dns.lookup(host, (err) => {
      clearTimeout(timer);
      resolve(!err);
    });
  });
}

export async function chooseHost(): Promise<{ host: Host; why: string }> {
  const forced = process.env.RRO_VSCODE_HOST;
  if (forced === 'electron' || forced === 'code-server') return { host: forced, why: 'RRO_VSCODE_HOST' };
  if (forced) throw new Error(`RRO_VSCODE_HOST must be "electron" or "code-server", not "${forced}"`);
  if (process.env.VSCODE_EXECUTABLE)
    return { host: 'electron', why: `VSCODE_EXECUTABLE=${process.env.VSCODE_EXECUTABLE}` };
  if (await resolves(DOWNLOAD_HOST, 3000)) return { host: 'electron', why: `${DOWNLOAD_HOST} resolves` };
  return { host: 'code-server', why: `${DOWNLOAD_HOST} does not resolve` };
}
