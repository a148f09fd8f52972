// The API root a user configures (`rro.api.url`, `--url`): `http://host` or
// `http://host/IPCP` (spec §3). Methods live under `{root}/HandlingReportPlugin/Api/`.

export type ApiMethod = 'Import' | 'SearchDepartments';

/** A bad root URL, with a message key and arguments the front door formats. */
export class EndpointError extends Error {
  constructor(
    readonly key: string,
    readonly args: Readonly<Record<string, string>>,
  ) {
    super(key);
  }
}

export interface Endpoint {
  root: URL;
  /** `host[:port]`, what a confirmation names. */
  host: string;
}

export function parseRoot(text: string): Endpoint {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new EndpointError('api.url.invalid', { url: text });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new EndpointError('api.url.protocol', { url: text });
  // Credentials in a URL would end up in reports and logs: they belong in headers.
  if (url.username || url.password) throw new EndpointError('api.url.credentials', { host: url.host });
  if (url.search || url.hash) throw new EndpointError('api.url.query', { url: `${url.origin}${url.pathname}` });
  url.pathname = url.pathname.replace(/\/+$/, '').replace(/\/HandlingReportPlugin\/Api(\/\w*)?$/i, '');
  return { root: url, host: url.host };
}

export function methodUrl(endpoint: Endpoint, method: ApiMethod): URL {
  return apiUrl(endpoint, method);
}

/** `{root}/HandlingReportPlugin/Api/<apiPath>`; `apiPath` segments are the caller's (already encoded). */
export function apiUrl(endpoint: Endpoint, apiPath: string): URL {
  const url = new URL(endpoint.root.href);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/HandlingReportPlugin/Api/${apiPath.replace(/^\/+/, '')}`;
  return url;
}

/** The root as reports show it: origin and path, never credentials. */
export function displayRoot(endpoint: Endpoint): string {
  return `${endpoint.root.origin}${endpoint.root.pathname.replace(/\/+$/, '')}`;
}
