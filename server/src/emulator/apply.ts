// The import rules of spec §3.3 applied to the stored state: match the appeal, then each
// question by code through the transition table of §3.3.3 (`transition()` of the format
// table). All or nothing: a rejected import changes nothing.
import { createHash } from 'node:crypto';
import { boundValue } from '../format/binding';
import { STATUS_ALIASES, STATUS_BY_ID, transition, type StatusId } from '../format/table';
import { isRecord, type EmulatorState, type StoredAppeal, type StoredQuestion, type StoredTransfer } from './state';

/** A rule violation: a message key of the send bundles and its arguments. */
export class ImportRejected extends Error {
  constructor(
    readonly key: string,
    readonly args: Readonly<Record<string, string | number>>,
  ) {
    super(key);
  }
}

export type ImportOutcome = { result: 'created' | 'updated'; appeal: StoredAppeal };

/** The Cyrillic «А» (U+0410): `А26…` results already exist and can only be updated. */
const EXISTING_RESULT = /^\u041026/;

export function applyImport(state: EmulatorState, body: Record<string, unknown>): ImportOutcome {
  const get = caseInsensitive(body);
  const number = text(get('number'));
  const createDate = date(get('createDate'));
  const name = text(get('name'));
  const address = text(get('address'));
  const found = state.appeals.find(
    (a) =>
      a.number === number &&
      a.createDate === createDate &&
      (EXISTING_RESULT.test(number) || looseEq(a.name, name) || looseEq(a.address, address)),
  );
  if (!found && EXISTING_RESULT.test(number))
    throw new ImportRejected('emulator.a26NotFound', { number, date: createDate });
  const draft: StoredAppeal = found
    ? structuredClone(found)
    : { id: state.nextId, departmentId: '', format: '', number, createDate, name, address, questions: [], imports: 0 };
  draft.departmentId = text(get('departmentId'));
  draft.format = text(get('format'));
  if (name) draft.name = name;
  if (address) draft.address = address;
  const incoming = get('questions');
  for (const raw of Array.isArray(incoming) ? incoming : []) {
    if (isRecord(raw)) applyQuestion(draft, raw);
  }
  draft.imports++;
  if (found) state.appeals[state.appeals.indexOf(found)] = draft;
  else {
    state.appeals.push(draft);
    state.nextId++;
  }
  return { result: found ? 'updated' : 'created', appeal: draft };
}

function applyQuestion(appeal: StoredAppeal, raw: Record<string, unknown>): void {
  const get = caseInsensitive(raw);
  const code = text(get('code'));
  const to = statusOf(text(get('status')));
  if (!to) throw new ImportRejected('emulator.statusUnknown', { code, status: text(get('status')) });
  const attachment = attachmentOf(get('attachment'));
  const transfer = transferOf(get('transfer'));
  let q = appeal.questions.find((x) => x.code === code);
  if (!q) {
    q = { code, status: to, transfers: [] };
    setDates(q, get);
    appeal.questions.push(q);
  } else {
    const move = transition(q.status, to);
    if (move === 'invalid') {
      throw new ImportRejected('emulator.transition', {
        code,
        from: STATUS_BY_ID.get(q.status)!.label.ru,
        to: STATUS_BY_ID.get(to)!.label.ru,
      });
    }
    if (move === 'transfer-record') {
      if (transfer) upsertTransfer(q, transfer);
      return;
    }
    // Dates of arrival and registration are fixed once the question leaves the initial group.
    if (STATUS_BY_ID.get(q.status)!.group === 'initial') setDates(q, get);
    else setResponse(q, get);
    q.status = to;
  }
  if (to === 'LeftWithoutAnswer') delete q.attachment;
  else if (attachment) {
    if (
      q.attachment &&
      (q.attachment.sha256 === attachment.sha256 || q.attachment.name.toLowerCase() === attachment.name.toLowerCase())
    ) {
      throw new ImportRejected('emulator.attachmentExists', { code, name: attachment.name });
    }
    q.attachment = attachment;
  }
  if (STATUS_BY_ID.get(to)!.requires.includes('attachment') && !q.attachment)
    throw new ImportRejected('emulator.attachmentMissing', { code });
  if (to === 'Supported') q.actionsTaken = get('actionsTaken') === true;
  if (to === 'Transferred' && transfer) upsertTransfer(q, transfer);
}

function setDates(q: StoredQuestion, get: (k: string) => unknown): void {
  for (const key of ['incomingDate', 'registrationDate'] as const) {
    const value = date(get(key));
    if (value) q[key] = value;
  }
  setResponse(q, get);
}

function setResponse(q: StoredQuestion, get: (k: string) => unknown): void {
  const value = date(get('responseDate'));
  if (value) q.responseDate = value;
}

/** A second transfer to the same body changes that transfer's date (§3.3.3). */
function upsertTransfer(q: StoredQuestion, t: StoredTransfer): void {
  const same = q.transfers.find((x) => x.departmentId.toLowerCase() === t.departmentId.toLowerCase());
  if (same) {
    same.transferDate = t.transferDate;
    same.transferNumber = t.transferNumber;
  } else q.transfers.push(t);
}

function statusOf(value: string): StatusId | undefined {
  if (STATUS_BY_ID.has(value)) return value as StatusId;
  return STATUS_ALIASES[value];
}

function attachmentOf(v: unknown): StoredQuestion['attachment'] {
  if (!isRecord(v)) return undefined;
  const get = caseInsensitive(v);
  const content = Buffer.from(text(get('content')), 'base64');
  return { name: text(get('name')), sha256: createHash('sha256').update(content).digest('hex'), size: content.length };
}

function transferOf(v: unknown): StoredTransfer | undefined {
  if (!isRecord(v)) return undefined;
  const get = caseInsensitive(v);
  return {
    departmentId: text(get('departmentId')),
    transferDate: date(get('transferDate')),
    transferNumber: text(get('transferNumber')),
  };
}

/** ASP.NET binds property names case-insensitively, the later of several (spec §4, `format/binding.ts`). */
export function caseInsensitive(obj: Record<string, unknown>): (key: string) => unknown {
  return (key) => boundValue(obj, key);
}

function text(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** `2016-11-16T00:00:00` (a .NET serializer) is the same date as `2016-11-16`. */
function date(v: unknown): string {
  return typeof v === 'string' ? v.slice(0, 10) : '';
}

/** Names and addresses typed by hand differ in case, spaces, punctuation and ё/е. */
function looseEq(a: string, b: string): boolean {
  const norm = (s: string): string =>
    s
      .toLowerCase()
      .replace(/ё/g, 'е')
      .replace(/[^\p{L}\p{N}]+/gu, '');
  return norm(a) !== '' && norm(a) === norm(b);
}
