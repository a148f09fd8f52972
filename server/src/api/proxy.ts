// Proxies: `HTTPS_PROXY` for https targets, `HTTP_PROXY` for http ones, `NO_PROXY` to skip
// them (the usual curl conventions). Loopback targets never go through a proxy: the emulator
// and local tunnels live there. https goes through a CONNECT tunnel (TLS stays end to end);
// http is sent to the proxy with the absolute URI as the request target.
import * as http from 'node:http';
import * as net from 'node:net';

export function proxyFromEnv(target: URL, env: NodeJS.ProcessEnv): URL | undefined {
  if (isLoopback(target.hostname) || bypassed(target, env.NO_PROXY ?? env.no_proxy ?? '')) return undefined;
  const raw = target.protocol === 'https:' ? (env.HTTPS_PROXY ?? env.https_proxy) : (env.HTTP_PROXY ?? env.http_proxy);
  if (!raw) return undefined;
  try {
    const url = new URL(raw.includes('://') ? raw : `http://${raw}`);
    return url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\./.test(h);
}

function bypassed(target: URL, noProxy: string): boolean {
  const host = target.hostname.toLowerCase();
  for (let entry of noProxy.split(/[\s,]+/)) {
    entry = entry.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    const [name, port] = entry.split(':');
    if (port && port !== (target.port || (target.protocol === 'https:' ? '443' : '80'))) continue;
    const suffix = name.replace(/^\*?\./, '');
    if (host === suffix || host.endsWith(`.${suffix}`)) return true;
  }
  return false;
}

/** `Proxy-Authorization` for a proxy URL that carries `user:password@`. */
export function proxyAuthorization(proxy: URL): string | undefined {
  if (!proxy.username) return undefined;
  const user = decodeURIComponent(proxy.username);
  const password = decodeURIComponent(proxy.password);
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

export class TunnelError extends Error {
  constructor(readonly status: number) {
    super(`proxy CONNECT answered ${status}`);
  }
}

/** Open a CONNECT tunnel to `target` through `proxy`; the socket is raw TCP to the target. */
export function openTunnel(proxy: URL, target: URL, signal: AbortSignal): Promise<net.Socket> {
  const port = target.port || '443';
  const headers: Record<string, string> = { Host: `${target.hostname}:${port}` };
  const auth = proxyAuthorization(proxy);
  if (auth) headers['Proxy-Authorization'] = auth;
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: proxy.hostname,
      port: proxy.port || 80,
      method: 'CONNECT',
      path: `${target.hostname}:${port}`,
      headers,
      agent: false,
      signal,
    });
    req.once('connect', (res, socket) => {
      if (res.statusCode === 200) resolve(socket);
      else {
        socket.destroy();
        reject(new TunnelError(res.statusCode ?? 0));
      }
    });
    req.once('error', reject);
    req.end();
  });
}
