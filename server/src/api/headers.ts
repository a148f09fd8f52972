// Extra request headers (an `Authorization` a deployment puts in front of the API). The CLI
// takes them from the environment so secrets never sit in settings or on the command line.

export class HeadersError extends Error {
  constructor(readonly key: string) {
    super(key);
  }
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Headers the client sets itself; letting the caller override them would break requests. */
const RESERVED = new Set(['content-type', 'content-length', 'host', 'connection', 'transfer-encoding']);

/**
 * `RRO_API_HEADERS` (a JSON object of strings) and `RRO_API_AUTHORIZATION` (the value of
 * `Authorization`, which wins over the same header in the JSON).
 */
export function headersFromEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const headers: Record<string, string> = {};
  const json = env.RRO_API_HEADERS;
  if (json && json.trim() !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      throw new HeadersError('api.headers.json');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new HeadersError('api.headers.json');
    for (const [name, value] of Object.entries(parsed)) {
      if (typeof value !== 'string') throw new HeadersError('api.headers.json');
      headers[name] = value;
    }
  }
  if (env.RRO_API_AUTHORIZATION) headers.Authorization = env.RRO_API_AUTHORIZATION;
  return checkHeaders(headers);
}

/** Names must be tokens, values one line, and the client's own headers stay its own. */
export function checkHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!TOKEN.test(name) || RESERVED.has(name.toLowerCase()) || /[\r\n\0]/.test(value)) {
      throw new HeadersError('api.headers.invalid');
    }
    out[name] = value;
  }
  return out;
}
