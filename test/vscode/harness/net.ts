// Loopback helpers: a free port, and waiting for an HTTP endpoint to answer (with a deadline).
import * as http from 'node:http';
import * as net from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function getStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

/** Polls `url` until it answers 2xx; rejects at the deadline or when `gaveUp` settles first. */
export async function waitForHttp(url: string, timeoutMs: number, gaveUp: Promise<unknown>): Promise<void> {
  let stopped: unknown = undefined;
  void gaveUp.then((why) => (stopped = why ?? 'exited'));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (stopped !== undefined) throw new Error(`server exited (${String(stopped)}) before ${url} answered`);
    const status = await getStatus(url);
    if (status >= 200 && status < 300) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}
