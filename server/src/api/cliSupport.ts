// What the `send`, `status` and `departments` commands share: their API options, the API root, headers from the
// environment, the CA file — each turned into a one-line, localized error when wrong.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { message, type Lang } from '../l10n/messages';
import { ApiClient, DEFAULT_TIMEOUT_MS } from './client';
import { EndpointError, parseRoot } from './endpoint';
import { headersFromEnv, HeadersError } from './headers';

/** The options every command that talks to the API takes (parseArgs form). */
export const API_OPTIONS = {
  url: { type: 'string' },
  timeout: { type: 'string' },
  'ca-file': { type: 'string' },
} as const;

/** A user error the CLI reports on one line and exits 2 for. */
export class UsageError extends Error {}

export interface ClientArgs {
  url: string | undefined;
  timeoutSeconds?: string;
  caFile?: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  lang: Lang;
  warn: (line: string) => void;
}

export function clientFromArgs(args: ClientArgs): ApiClient {
  const t = (key: string, a?: Record<string, string | number>): string => message(key, a, args.lang);
  if (!args.url) throw new UsageError(t('send.cli.noUrl'));
  let endpoint;
  let headers;
  try {
    endpoint = parseRoot(args.url);
    headers = headersFromEnv(args.env);
  } catch (e) {
    if (e instanceof EndpointError || e instanceof HeadersError)
      throw new UsageError(t(e.key, e instanceof EndpointError ? e.args : undefined));
    throw e;
  }
  const timeoutMs =
    args.timeoutSeconds === undefined
      ? DEFAULT_TIMEOUT_MS
      : positive(args.timeoutSeconds, '--timeout', args.lang) * 1000;
  let ca: string | undefined;
  const caFile = args.caFile ?? args.env.RRO_API_CA_FILE;
  if (caFile) {
    try {
      ca = readFileSync(path.resolve(args.cwd, caFile), 'utf8');
    } catch (e) {
      throw new UsageError(t('api.caFile', { file: caFile, code: (e as NodeJS.ErrnoException).code ?? 'EIO' }));
    }
  }
  // Verification stays on in our code; if the environment turned it off, say so loudly.
  if (args.env.NODE_TLS_REJECT_UNAUTHORIZED === '0') args.warn(t('api.tlsOff'));
  return new ApiClient({ endpoint, headers, timeoutMs, ca, env: args.env });
}

export function positive(text: string, flag: string, lang: Lang, integer = false): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n)))
    throw new UsageError(message('send.cli.badNumber', { flag, value: text }, lang));
  return n;
}

export function nonNegativeInt(text: string, flag: string, lang: Lang): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(message('send.cli.badNumber', { flag, value: text }, lang));
  return n;
}
