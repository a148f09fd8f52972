// The HTTP client of the import API (spec §3): one request per call, a keep-alive pool per
// client, a timeout per request, proxies and a custom CA. TLS verification is always on;
// the only way to trust another certificate is to name its CA.
import * as http from 'node:http';
import * as https from 'node:https';
import { isIP, type Socket } from 'node:net';
import * as tls from 'node:tls';
import { apiUrl, methodUrl, type ApiMethod, type Endpoint } from './endpoint';
import { openTunnel, proxyAuthorization, proxyFromEnv, TunnelError } from './proxy';

export const DEFAULT_TIMEOUT_MS = 30_000;
/** Answers bigger than this are cut: an error page is not worth more. */
const MAX_BODY_BYTES = 1 << 20;

export interface ApiClientOptions {
  endpoint: Endpoint;
  /** Extra headers, e.g. `Authorization` (from SecretStorage or the environment). */
  headers?: Readonly<Record<string, string>>;
  timeoutMs?: number;
  /** PEM text of extra CA certificates to trust (added to Node's own list). */
  ca?: string;
  /** An explicit proxy; when absent the environment decides (`HTTPS_PROXY`, …). */
  proxy?: URL;
  env?: NodeJS.ProcessEnv;
}

export interface ApiResponse {
  status: number;
  body: string;
  /** Wall time of this request, ms. */
  durationMs: number;
  /** The server's own time when it reports one (`Server-Timing: …;dur=`), ms. */
  serverMs?: number;
  /** The raw `Retry-After` header (seconds or an HTTP date), when the server sent one. */
  retryAfter?: string;
}

/** Why no HTTP answer came: `timeout`, `network` (reset, refused, DNS), `tls`, `proxy`, `aborted`. */
export type NetworkFailure = 'timeout' | 'network' | 'tls' | 'proxy' | 'aborted';

export class ApiNetworkError extends Error {
  constructor(
    readonly failure: NetworkFailure,
    /** An errno / TLS code (`ECONNRESET`, `DEPTH_ZERO_SELF_SIGNED_CERT`); never request data. */
    readonly code: string,
    readonly durationMs: number,
    /**
     * The whole body had been handed to the network before the failure: the server may have
     * received and applied it, so the outcome is unknown. False: it cannot have been applied.
     */
    readonly bodyWritten = false,
  ) {
    super(`${failure}${code ? ` (${code})` : ''}`);
  }
}

/** What the batch sender needs; the tests' fakes and the real client share it. */
export interface ImportTransport {
  post(method: ApiMethod, body: Buffer, signal?: AbortSignal): Promise<ApiResponse>;
}

/** A GET under the API root (the request log); relative to `{root}/HandlingReportPlugin/Api/`. */
export interface GetTransport {
  get(apiPath: string, signal?: AbortSignal): Promise<ApiResponse>;
}

export class ApiClient implements ImportTransport, GetTransport {
  private readonly agent: http.Agent;
  private readonly timeoutMs: number;
  private readonly proxy: URL | undefined;

  constructor(private readonly options: ApiClientOptions) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const https_ = options.endpoint.root.protocol === 'https:';
    const agentOptions = {
      keepAlive: true,
      maxSockets: 64,
      ...(https_ && options.ca ? { ca: [...tls.rootCertificates, options.ca] } : {}),
    };
    this.agent = https_ ? new https.Agent(agentOptions) : new http.Agent(agentOptions);
    this.proxy = options.proxy ?? proxyFromEnv(options.endpoint.root, options.env ?? process.env);
  }

  get endpoint(): Endpoint {
    return this.options.endpoint;
  }

  /** Close idle keep-alive sockets so the process can exit. */
  close(): void {
    this.agent.destroy();
  }

  post(method: ApiMethod, body: Buffer, signal?: AbortSignal): Promise<ApiResponse> {
    return this.request('POST', methodUrl(this.options.endpoint, method), body, signal);
  }

  get(apiPath: string, signal?: AbortSignal): Promise<ApiResponse> {
    return this.request('GET', apiUrl(this.options.endpoint, apiPath), undefined, signal);
  }

  private async request(
    verb: 'GET' | 'POST',
    url: URL,
    body: Buffer | undefined,
    signal?: AbortSignal,
  ): Promise<ApiResponse> {
    const started = performance.now();
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    const onAbort = (): void => controller.abort();
    if (signal?.aborted) controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const progress = { written: false };
    try {
      return await this.send(verb, url, body, controller.signal, started, progress);
    } catch (e) {
      const elapsed = performance.now() - started;
      if (timedOut) throw new ApiNetworkError('timeout', '', elapsed, progress.written);
      if (signal?.aborted) throw new ApiNetworkError('aborted', '', elapsed, progress.written);
      throw classify(e, elapsed, progress.written);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  private async send(
    verb: 'GET' | 'POST',
    url: URL,
    body: Buffer | undefined,
    signal: AbortSignal,
    started: number,
    progress: { written: boolean },
  ): Promise<ApiResponse> {
    const headers: Record<string, string | number> = {
      ...this.options.headers,
      ...(body ? { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.length } : {}),
      Accept: 'application/json',
    };
    let options: http.RequestOptions;
    if (!this.proxy) {
      options = {
        protocol: url.protocol,
        hostname: url.hostname,
        port: url.port,
        path: url.pathname,
        agent: this.agent,
      };
    } else if (url.protocol === 'http:') {
      const auth = proxyAuthorization(this.proxy);
      if (auth) headers['Proxy-Authorization'] = auth;
      options = {
        hostname: this.proxy.hostname,
        port: this.proxy.port || 80,
        path: url.href,
        agent: this.agent,
        headers: { Host: url.host },
      };
    } else {
      const raw = await openTunnel(this.proxy, url, signal);
      const secure = await secureTunnel(raw, url.hostname, this.options.ca, signal);
      options = { hostname: url.hostname, port: url.port, path: url.pathname, createConnection: () => secure };
    }
    const transport = url.protocol === 'https:' && !this.proxy ? https : http;
    return new Promise<ApiResponse>((resolve, reject) => {
      const req = transport.request({
        ...options,
        method: verb,
        headers: { ...options.headers, ...headers },
        signal,
      });
      // 'finish': the whole request is with the OS. A failure before it cannot have been applied.
      req.once('finish', () => (progress.written = true));
      req.once('error', reject);
      req.once('response', (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          if (size < MAX_BODY_BYTES) chunks.push(chunk);
          size += chunk.length;
        });
        res.once('error', reject);
        res.once('end', () => {
          // A tunnel serves one request: close it rather than leave it to the proxy.
          if (options.createConnection) req.socket?.destroy();
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).subarray(0, MAX_BODY_BYTES).toString('utf8'),
            durationMs: performance.now() - started,
            serverMs: serverTiming(res.headers['server-timing']),
            ...(res.headers['retry-after'] ? { retryAfter: String(res.headers['retry-after']) } : {}),
          });
        });
      });
      req.end(body);
    });
  }
}

/** TLS over a CONNECT tunnel, verified against the target's name; errors reject, never throw later. */
function secureTunnel(raw: Socket, host: string, ca: string | undefined, signal: AbortSignal): Promise<tls.TLSSocket> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({
      socket: raw,
      host,
      ...(isIP(host) ? {} : { servername: host }),
      ...(ca ? { ca: [...tls.rootCertificates, ca] } : {}),
    });
    const onAbort = (): void => void socket.destroy(new Error('aborted'));
    const onError = (e: Error): void => {
      signal.removeEventListener('abort', onAbort);
      raw.destroy();
      reject(e);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    socket.once('error', onError);
    socket.once('secureConnect', () => {
      signal.removeEventListener('abort', onAbort);
      socket.off('error', onError);
      resolve(socket);
    });
  });
}

function serverTiming(header: string | string[] | undefined): number | undefined {
  const m = header ? /dur=([\d.]+)/.exec(String(header)) : null;
  return m ? Number(m[1]) : undefined;
}

const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|ERR_SSL|HOSTNAME|ALTNAME/;

function classify(e: unknown, elapsed: number, written: boolean): ApiNetworkError {
  if (e instanceof ApiNetworkError) return e;
  if (e instanceof TunnelError) return new ApiNetworkError('proxy', String(e.status), elapsed);
  const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
  if (TLS_CODES.test(code)) return new ApiNetworkError('tls', code, elapsed);
  return new ApiNetworkError('network', code || 'ERR', elapsed, written);
}
