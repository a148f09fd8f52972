// What the emulator stores (spec §3.3): appeals with their questions, attachments as name +
// hash + size only (never the content), transfers as records. Saved as one JSON file, written
// atomically (temporary file + rename) with group commit: an import is answered only after the
// write that contains it, and concurrent imports share one write.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { STATUS_BY_ID, type StatusId } from '../format/table';

export interface StoredAttachment {
  name: string;
  sha256: string;
  size: number;
}

export interface StoredTransfer {
  departmentId: string;
  transferDate: string;
  transferNumber: string;
}

export interface StoredQuestion {
  code: string;
  status: StatusId;
  incomingDate?: string;
  registrationDate?: string;
  responseDate?: string;
  actionsTaken?: boolean;
  attachment?: StoredAttachment;
  transfers: StoredTransfer[];
}

export interface StoredAppeal {
  id: number;
  departmentId: string;
  format: string;
  number: string;
  createDate: string;
  name: string;
  address: string;
  questions: StoredQuestion[];
  /** How many imports created or updated it (a resend shows here). */
  imports: number;
}

/** One committed import as the platform's request log shows it (see emulator/requestLog.ts). */
export interface StoredRequest {
  requestId: number;
  appealId: number;
  /** When it was received (ms since the epoch). */
  receivedAt: number;
  /** The later failure this request will show once dispatched (the `failLater` fault), if any. */
  failMessage?: string;
}

export interface EmulatorState {
  appeals: StoredAppeal[];
  nextId: number;
  requests: StoredRequest[];
}

export function emptyState(): EmulatorState {
  return { appeals: [], nextId: 1, requests: [] };
}

/** Read a data file; seeds may be partial (`{number, createDate}` is enough for an `А26` result). */
export async function loadState(file: string): Promise<EmulatorState> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return emptyState();
    throw e;
  }
  const parsed: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
  const list = Array.isArray(parsed)
    ? parsed
    : isRecord(parsed) && Array.isArray(parsed.appeals)
      ? parsed.appeals
      : undefined;
  if (!list) throw new Error(`${file}: expected {"appeals": [...]}`);
  const state = emptyState();
  list.forEach((raw: unknown, i: number) => {
    if (!isRecord(raw) || typeof raw.number !== 'string' || typeof raw.createDate !== 'string') {
      throw new Error(`${file}: /appeals/${i} needs "number" and "createDate"`);
    }
    state.appeals.push(normalizeAppeal(raw, state.nextId++));
  });
  // The request log of an earlier run, when the file was written by the emulator itself.
  const requests = isRecord(parsed) && Array.isArray(parsed.requests) ? parsed.requests : [];
  for (const r of requests) {
    if (!isRecord(r) || typeof r.appealId !== 'number' || typeof r.receivedAt !== 'number') continue;
    if (!state.appeals.some((a) => a.id === r.appealId)) continue;
    state.requests.push({
      requestId: state.requests.length + 1,
      appealId: r.appealId,
      receivedAt: r.receivedAt,
      ...(typeof r.failMessage === 'string' ? { failMessage: r.failMessage } : {}),
    });
  }
  return state;
}

function normalizeAppeal(raw: Record<string, unknown>, id: number): StoredAppeal {
  const questions = Array.isArray(raw.questions) ? raw.questions.filter(isRecord).map(normalizeQuestion) : [];
  return {
    id,
    departmentId: str(raw.departmentId),
    format: str(raw.format),
    number: str(raw.number),
    createDate: str(raw.createDate).slice(0, 10),
    name: str(raw.name),
    address: str(raw.address),
    questions,
    imports: typeof raw.imports === 'number' ? raw.imports : 0,
  };
}

function normalizeQuestion(raw: Record<string, unknown>): StoredQuestion {
  const status = STATUS_BY_ID.has(str(raw.status)) ? (str(raw.status) as StatusId) : 'NotReceived';
  const q: StoredQuestion = { code: str(raw.code), status, transfers: [] };
  for (const key of ['incomingDate', 'registrationDate', 'responseDate'] as const)
    if (typeof raw[key] === 'string') q[key] = (raw[key] as string).slice(0, 10);
  if (typeof raw.actionsTaken === 'boolean') q.actionsTaken = raw.actionsTaken;
  if (isRecord(raw.attachment))
    q.attachment = {
      name: str(raw.attachment.name),
      sha256: str(raw.attachment.sha256),
      size: Number(raw.attachment.size) || 0,
    };
  if (Array.isArray(raw.transfers)) {
    q.transfers = raw.transfers.filter(isRecord).map((t) => ({
      departmentId: str(t.departmentId),
      transferDate: str(t.transferDate),
      transferNumber: str(t.transferNumber),
    }));
  }
  return q;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** Group commit of the state to one file. */
export class StateFile {
  private writing: Promise<void> | undefined;
  private next: Promise<void> | undefined;

  constructor(
    private readonly file: string,
    private readonly snapshot: () => EmulatorState,
  ) {}

  /** Resolves once a write that started after this call has completed. */
  save(): Promise<void> {
    if (!this.writing) {
      this.writing = this.write().finally(() => (this.writing = undefined));
      return this.writing;
    }
    // A write is running and may have missed our change: queue one more, shared by all callers.
    // (A failed write fails its own callers only; the queued one still runs.)
    this.next ??= this.writing
      .catch(() => undefined)
      .then(() => {
        this.next = undefined;
        return this.save();
      });
    return this.next;
  }

  private async write(): Promise<void> {
    const text = JSON.stringify(this.snapshot(), null, 1);
    const tmp = path.join(path.dirname(this.file), `.${path.basename(this.file)}.${process.pid}.tmp`);
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    await fs.writeFile(tmp, text, 'utf8');
    await fs.rename(tmp, this.file);
  }
}
