// The HTTP client: path prefixes, extra headers, proxies (absolute URI for http, CONNECT for
// https), TLS with a custom CA — against real servers on 127.0.0.1.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import {
  ApiClient,
  ApiNetworkError,
  headersFromEnv,
  HeadersError,
  parseRoot,
  proxyFromEnv,
} from '../../server/src/api';
import { startEmulator, type Emulator } from '../../server/src/emulator';
import { appeal, tempDir } from './helpers';

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
}

/** A small forwarding proxy: absolute-URI requests and CONNECT tunnels; refuses CONNECT to port 1. */
async function startProxy(): Promise<{ url: string; seen: Seen[]; close: () => Promise<void> }> {
  const seen: Seen[] = [];
  const tunnels = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    seen.push({ method: req.method!, url: req.url!, headers: req.headers });
    const target = new URL(req.url!);
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    const upstream = http.request(target, { method: req.method, headers }, (up) => {
      res.writeHead(up.statusCode!, up.headers);
      up.pipe(res);
    });
    req.pipe(upstream);
  });
  server.on('connect', (req: http.IncomingMessage, socket: net.Socket) => {
    seen.push({ method: 'CONNECT', url: req.url!, headers: req.headers });
    tunnels.add(socket);
    const [host, port] = req.url!.split(':');
    if (port === '1') return socket.end('HTTP/1.1 407 Proxy Authentication Required\r\n\r\n');
    const upstream = net.connect(Number(port), host, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise((resolve) => {
        // Tunnels are no longer the HTTP server's connections: end them ourselves.
        for (const socket of tunnels) socket.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const body = Buffer.from(JSON.stringify(appeal('P-1')));
let tlsDir = '';
let ca = '';

before(() => {
  tlsDir = tempDir('rro-tls-');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      path.join(tlsDir, 'key.pem'),
      '-out',
      path.join(tlsDir, 'cert.pem'),
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  ca = readFileSync(path.join(tlsDir, 'cert.pem'), 'utf8');
});

let emu: Emulator;
let secure: Emulator;
before(async () => {
  emu = await startEmulator();
  secure = await startEmulator({ tls: { cert: ca, key: readFileSync(path.join(tlsDir, 'key.pem'), 'utf8') } });
});
after(async () => {
  await emu.close();
  await secure.close();
});

test('the root may carry a path prefix; the method path is appended once', () => {
  const e = parseRoot('http://10.0.0.1/IPCP/');
  assert.equal(e.root.pathname, '/IPCP');
  assert.equal(e.host, '10.0.0.1');
  assert.equal(parseRoot('http://h/IPCP/HandlingReportPlugin/Api/Import').root.pathname, '/IPCP');
});

test('http through a proxy: absolute URI, proxy credentials, the caller’s headers and the JSON content type', async () => {
  const proxy = await startProxy();
  const proxyUrl = new URL(proxy.url);
  proxyUrl.username = 'u';
  proxyUrl.password = 'p w';
  const client = new ApiClient({
    endpoint: parseRoot(`${emu.url}/IPCP`),
    proxy: proxyUrl,
    headers: { Authorization: 'Bearer t0k3n' },
  });
  try {
    const res = await client.post('Import', body);
    assert.equal(res.status, 204);
    assert.equal(proxy.seen.length, 1);
    assert.equal(proxy.seen[0].url, `${emu.url}/IPCP/HandlingReportPlugin/Api/Import`);
    assert.equal(proxy.seen[0].headers['proxy-authorization'], `Basic ${Buffer.from('u:p w').toString('base64')}`);
    assert.equal(proxy.seen[0].headers.authorization, 'Bearer t0k3n');
    assert.equal(proxy.seen[0].headers['content-type'], 'application/json; charset=utf-8');
  } finally {
    client.close();
    await proxy.close();
  }
});

test('https: an unknown CA is refused (not retried), a named CA works, also through a CONNECT tunnel', async () => {
  const plain = new ApiClient({ endpoint: parseRoot(secure.url) });
  await assert.rejects(plain.post('Import', body), (e: unknown) => e instanceof ApiNetworkError && e.failure === 'tls');
  plain.close();
  const trusted = new ApiClient({ endpoint: parseRoot(secure.url), ca });
  assert.equal((await trusted.post('Import', body)).status, 204);
  trusted.close();
  const proxy = await startProxy();
  const tunneled = new ApiClient({ endpoint: parseRoot(secure.url), ca, proxy: new URL(proxy.url) });
  try {
    assert.equal((await tunneled.post('Import', body)).status, 204);
    assert.deepEqual(
      proxy.seen.map((s) => [s.method, s.url]),
      [['CONNECT', `127.0.0.1:${secure.port}`]],
    );
    const refused = new ApiClient({ endpoint: parseRoot('https://127.0.0.1:1'), proxy: new URL(proxy.url) });
    await assert.rejects(
      refused.post('Import', body),
      (e: unknown) => e instanceof ApiNetworkError && e.failure === 'proxy',
    );
  } finally {
    tunneled.close();
    await proxy.close();
  }
});

test('a refused connection is a network failure', async () => {
  const client = new ApiClient({ endpoint: parseRoot('http://127.0.0.1:1') });
  await assert.rejects(
    client.post('Import', body),
    (e: unknown) => e instanceof ApiNetworkError && e.failure === 'network' && e.code === 'ECONNREFUSED',
  );
});

test('proxies from the environment: per scheme, NO_PROXY, never for loopback', () => {
  const env = { HTTPS_PROXY: 'http://proxy:3128', HTTP_PROXY: 'proxy2:8080', NO_PROXY: 'internal.example, .corp' };
  assert.equal(proxyFromEnv(new URL('https://rro.gov.ru'), env)?.host, 'proxy:3128');
  assert.equal(proxyFromEnv(new URL('http://rro.gov.ru'), env)?.host, 'proxy2:8080');
  assert.equal(proxyFromEnv(new URL('http://internal.example/IPCP'), env), undefined);
  assert.equal(proxyFromEnv(new URL('http://a.b.corp'), env), undefined);
  assert.equal(proxyFromEnv(new URL('http://127.0.0.1:8080'), env), undefined);
  assert.equal(proxyFromEnv(new URL('http://localhost:8080'), env), undefined);
});

test('headers from the environment: JSON object, Authorization shortcut, bad input refused', () => {
  assert.deepEqual(headersFromEnv({ RRO_API_HEADERS: '{"X-Key": "1"}', RRO_API_AUTHORIZATION: 'Basic eA==' }), {
    'X-Key': '1',
    Authorization: 'Basic eA==',
  });
  for (const bad of ['{"a": 1}', '[]', '{', '{"Content-Type": "text/plain"}', '{"X": "a\\nb"}', '{"Bad Name": "x"}']) {
    assert.throws(() => headersFromEnv({ RRO_API_HEADERS: bad }), HeadersError, bad);
  }
});
