// Before anything leaves the machine: list the files, hash them, run the engine on each (the
// same gate as packing) and decide what will be sent. The plan is what the confirmation counts.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { checkBytes, type CheckOptions, type Encoding, type JsonNode } from '../engine';
import { boundProperty } from '../engine/pointer';
import { discover } from '../files/discover';
import { escapeControl } from '../util/safeText';
import type { AppealKey, ReportEntry, SendReport } from './types';

/** As `rro pack`: refuse the whole run when a file has errors, leave those out, or send them anyway. */
export type SendErrorPolicy = 'refuse' | 'only-valid' | 'allow';

/** Folders never walked when a folder is sent: reports and tool state live there. */
export const SEND_EXCLUDE: readonly string[] = ['**/.rro', '**/.git', '**/node_modules', '**/.vscode'];

export interface PlanItem {
  entry: ReportEntry;
  /** True when this run will POST the file. */
  send: boolean;
  encoding: Encoding;
  /** Question codes in order, to point a rejection at the question it names. */
  codes: string[];
  /** The bytes the gate checked, kept while they fit the memory budget: exactly these are sent. */
  bytes?: Buffer;
}

/** Bytes kept from planning to sending; beyond it files are read again (and their hash re-checked). */
export const PLAN_MEMORY_BUDGET = 64 << 20;

export interface SendPlan {
  items: PlanItem[];
  /** How many files will be sent (what the confirmation names). */
  toSend: number;
  /** Folder entries that could not be walked: `relative: code`. */
  problems: string[];
  /** Files the engine found errors in (shown names); under `refuse` the run must not start. */
  withErrors: string[];
}

export interface PlanOptions {
  /** Working folder: report paths are shown relative to it. */
  cwd: string;
  /** Engine options (`today` at least). */
  check: CheckOptions;
  /** Send files even if the engine finds errors in them (the same as `errors: 'allow'`). */
  allowErrors?: boolean;
  /** Default `only-valid` here; the front doors pass `refuse` and stop on `withErrors`. */
  errors?: SendErrorPolicy;
  /** A previous run's report: its files are planned again, accepted unchanged ones not sent. */
  previous?: SendReport;
  include?: readonly string[];
  exclude?: readonly string[];
}

export async function planSend(paths: readonly string[], options: PlanOptions): Promise<SendPlan> {
  const problems: string[] = [];
  const wanted: string[] = [];
  const seen = new Set<string>();
  const add = (abs: string): void => {
    if (!seen.has(abs)) {
      seen.add(abs);
      wanted.push(abs);
    }
  };
  for (const f of options.previous?.files ?? []) add(f.path);
  for (const p of paths) {
    const abs = path.resolve(options.cwd, p);
    const stat = await fs.stat(abs).catch(() => undefined);
    if (stat?.isDirectory()) {
      const found = await discover(abs, {
        include: options.include,
        exclude: [...SEND_EXCLUDE, ...(options.exclude ?? [])],
      });
      for (const pr of found.problems)
        problems.push(`${pr.relative || abs}: ${pr.code}${pr.detail ? ` ${pr.detail}` : ''}`);
      for (const f of found.files) add(f.absolute);
    } else add(abs);
  }
  const before = new Map((options.previous?.files ?? []).map((f) => [f.path, f]));
  const items: PlanItem[] = [];
  let kept = 0;
  for (const abs of wanted) {
    const item = await planOne(abs, options, before.get(abs));
    if (item.bytes && (!item.send || kept + item.bytes.length > PLAN_MEMORY_BUDGET)) delete item.bytes;
    kept += item.bytes?.length ?? 0;
    items.push(item);
  }
  const withErrors = items.filter((i) => i.entry.reason === 'gate-errors').map((i) => i.entry.file);
  return { items, toSend: items.filter((i) => i.send).length, problems, withErrors };
}

async function planOne(abs: string, options: PlanOptions, earlier: ReportEntry | undefined): Promise<PlanItem> {
  const allowErrors = options.allowErrors || options.errors === 'allow';
  const acceptedBefore = earlier?.status === 'accepted' ? earlier : undefined;
  const rel = path.relative(options.cwd, abs);
  const file = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : abs;
  // `file` is for showing (control characters escaped: a name can carry any byte); `path` opens it.
  const entry: ReportEntry = { file: escapeControl(file), path: abs, sha256: '', status: 'not-sent', attempts: 0 };
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(abs);
  } catch (e) {
    entry.status = 'skipped';
    entry.reason = 'unreadable';
    entry.message = (e as NodeJS.ErrnoException).code ?? 'EIO';
    return { entry, send: false, encoding: 'utf-8', codes: [] };
  }
  entry.sha256 = createHash('sha256').update(bytes).digest('hex');
  if (acceptedBefore && acceptedBefore.sha256 === entry.sha256) {
    // Accepted earlier and unchanged: sending it again could duplicate an attachment.
    const carried: ReportEntry = {
      ...acceptedBefore,
      file: entry.file,
      reason: 'already-accepted',
      acceptedBefore: acceptedBefore.acceptedBefore ?? options.previous?.startedAt ?? '',
    };
    return { entry: carried, send: false, encoding: 'utf-8', codes: [] };
  }
  const result = checkBytes(bytes, { ...options.check, expectRro: true });
  const codes = questionCodes(result.doc.root);
  // An earlier attempt of these very bytes may have been imported: that stays known until settled.
  if (earlier?.status === 'unknown' && earlier.sha256 === entry.sha256 && earlier.unknownSince)
    entry.unknownSince = earlier.unknownSince;
  if (result.kind === 'appeal') {
    const key = appealKey(result.doc.root);
    if (key) entry.appeal = key;
    if (hasAttachment(result.doc.root)) entry.hasAttachment = true;
  }
  const errors = result.findings
    .filter((f) => f.severity === 'error')
    .map((f) => `${f.rule} ${escapeControl(f.pointer || '/')}`);
  if (result.kind !== 'appeal' && (errors.length === 0 || allowErrors)) {
    entry.status = 'skipped';
    entry.reason = result.kind === 'null-report' ? 'null-report' : 'not-appeal';
    return { entry, send: false, encoding: result.encoding, codes };
  }
  if (errors.length > 0) {
    entry.errors = errors;
    if (!allowErrors) {
      entry.status = 'skipped';
      entry.reason = 'gate-errors';
      return { entry, send: false, encoding: result.encoding, codes };
    }
  }
  // Until this run learns more, what may have been imported stays `unknown` (never `not-sent`).
  if (entry.unknownSince) Object.assign(entry, { status: 'unknown', reason: earlier?.reason });
  return { entry, send: true, encoding: result.encoding, codes, bytes };
}

function appealKey(root: JsonNode | undefined): AppealKey | undefined {
  const value = (name: string): string => {
    const v = child(root, name)?.value;
    return typeof v === 'string' ? v : '';
  };
  const key = {
    departmentId: value('departmentId'),
    number: value('number'),
    createDate: value('createDate').slice(0, 10),
  };
  return key.number ? key : undefined;
}

function hasAttachment(root: JsonNode | undefined): boolean {
  const questions = child(root, 'questions');
  return (
    questions?.type === 'array' && (questions.children ?? []).some((q) => child(q, 'attachment')?.type === 'object')
  );
}

function questionCodes(root: JsonNode | undefined): string[] {
  const questions = child(root, 'questions');
  if (questions?.type !== 'array') return [];
  return (questions.children ?? []).map((q) => {
    const code = child(q, 'code');
    return typeof code?.value === 'string' ? code.value : '';
  });
}

/** The value of property `name` of an object node, bound as the server binds it. */
function child(node: JsonNode | undefined, name: string): JsonNode | undefined {
  return node?.type === 'object' ? boundProperty(node, name)?.children?.[1] : undefined;
}
