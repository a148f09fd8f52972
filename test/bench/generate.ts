// Realistic appeals for the benchmarks, reproducible from a seed: Cyrillic names and addresses,
// 1–11 questions (every status across the folder) with dates in order, half of the files
// written the way .NET (Newtonsoft) writes them (every field, `null` for unused ones,
// `T00:00:00` dates, `isDirect`, empty `email`), mixed indentation and CRLF, and 10% carrying a
// 40 KB answer file in Base64. Every appeal is valid. Defaults: 10,000 files, about 71 MB (the
// issue measured its baselines on 74 MB). As a script:
//   node out/test/bench/generate.js <folder> [--files N] [--seed N]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXCLUDED_BY_SHORT_CODE, STATUSES, type StatusSpec } from '../../server/src/format/table';
import { Random } from '../engine/mutation/prng';

export const DEFAULT_FILES = 10_000;
export const ATTACHMENT_SHARE = 0.1;
export const ATTACHMENT_BYTES = 40 * 1024;

const SURNAMES = ['Иванов', 'Петрова', 'Сидоров', 'Кузнецова', 'Смирнов', 'Волкова', 'Фёдоров', 'Морозова', 'Николаев'];
const GIVEN = ['Иван Иванович', 'Анна Сергеевна', 'Пётр Николаевич', 'Ольга Викторовна', 'Алексей Андреевич'];
const PLACES = [
  'г. Калуга',
  'Калужская обл., г. Обнинск',
  'Калужская обл., г. Малоярославец',
  'Калужская обл., Дзержинский р-н',
];
const STREETS = ['ул. Ленина', 'ул. Циолковского', 'пр. Маркса', 'ул. Российских Газет', 'пер. Воскресенский'];
const DEPARTMENTS = [
  '30B1BE3B-BED1-49F6-AB4C-D138A81A9505',
  '8c0a6f4e-2d1b-4c7a-9e3f-5b6d7a8c9e01',
  'E4F5A6B7-C8D9-4EAF-8B1C-2D3E4F5A6B7C',
  '5F0E9D8C-7B6A-4594-8372-61504F3E2D1C',
];
const ELSEWHERE = '7D9A3C21-4B5E-4F60-8A7B-9C0D1E2F3A4B';
/** Days from 2025-01-01 to the last day an appeal may start so every date stays before 2026-11-25. */
const DAYS = 640;

export interface Generated {
  files: number;
  bytes: number;
  withAttachment: number;
}

function day(offset: number, dotNet: boolean): string {
  const iso = new Date(Date.UTC(2025, 0, 1 + offset)).toISOString().slice(0, 10);
  return dotNet ? `${iso}T00:00:00` : iso;
}

/** Random bytes: answer files are PDFs and DOCX, already compressed, so close to random. */
function base64File(rnd: Random, size: number): string {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i += 4) bytes.writeUInt32LE((rnd.next() * 4294967296) >>> 0, Math.min(i, size - 4));
  return bytes.toString('base64');
}

function codes(rnd: Random, n: number): string[] {
  const out = new Set<string>();
  while (out.size < n) {
    const code = String(1 + rnd.int(999)).padStart(4, '0');
    if (!EXCLUDED_BY_SHORT_CODE.has(code)) out.add(code);
  }
  return [...out];
}

const WITH_FILE = STATUSES.filter((s) => s.requires.includes('attachment'));
const WITHOUT_FILE = STATUSES.filter((s) => !s.requires.includes('attachment'));

/**
 * The question that gets the file is answered; the others take statuses that need no file,
 * so every generated appeal is valid (schema and engine alike) and the baselines compare
 * like with like.
 */
function status(rnd: Random, answered: boolean): StatusSpec {
  return rnd.pick(answered ? WITH_FILE : WITHOUT_FILE);
}

function question(rnd: Random, code: string, start: number, dotNet: boolean, attachment: string | undefined) {
  const s = status(rnd, attachment !== undefined);
  const q: Record<string, unknown> = { code, status: s.id };
  if (dotNet)
    Object.assign(q, {
      incomingDate: null,
      registrationDate: null,
      responseDate: null,
      attachment: null,
      actionsTaken: null,
      transfer: null,
    });
  const incoming = start + rnd.int(3);
  const registration = incoming + rnd.int(4);
  for (const field of s.requires) {
    if (field === 'incomingDate') q.incomingDate = day(incoming, dotNet);
    else if (field === 'registrationDate') q.registrationDate = day(registration, dotNet);
    else if (field === 'responseDate') q.responseDate = day(registration + 5 + rnd.int(25), dotNet);
    else if (field === 'actionsTaken') q.actionsTaken = rnd.chance(0.7);
    else if (field === 'transfer') {
      q.transfer = {
        departmentId: ELSEWHERE,
        transferDate: day(registration + 1 + rnd.int(7), dotNet),
        transferNumber: `01-24/${1000 + rnd.int(9000)}`,
      };
    } else if (field === 'attachment' && attachment !== undefined) {
      q.attachment = { name: rnd.pick(['Ответ.pdf', 'otvet.docx', 'Ответ заявителю.pdf']), content: attachment };
    }
  }
  return q;
}

/** One appeal as text; `attachmentBytes` > 0 gives its answered questions a file of that size. */
export function appealText(rnd: Random, n: number, attachmentBytes: number, questionCount = 1 + rnd.int(11)): string {
  const dotNet = rnd.chance(0.5);
  const start = rnd.int(DAYS);
  const attachment = attachmentBytes > 0 ? base64File(rnd, attachmentBytes) : undefined;
  // The file goes on the first question, which is answered.
  let fileLeft = attachment;
  const questions = codes(rnd, questionCount).map((code) => {
    const q = question(rnd, code, start, dotNet, fileLeft);
    if (q.attachment) fileLeft = undefined;
    return q;
  });
  const appeal: Record<string, unknown> = {
    departmentId: rnd.pick(DEPARTMENTS),
    format: rnd.chance(0.3) ? 'Electronic' : 'Other',
    number: rnd.chance(0.1)
      ? `А26-00-${String(n).padStart(9, '0')}`
      : `ОГ-${2025 + rnd.int(2)}/${String(n).padStart(5, '0')}`,
    createDate: day(start, dotNet),
    name: `${rnd.pick(SURNAMES)} ${rnd.pick(GIVEN)}`,
    address: `${rnd.pick(PLACES)}, ${rnd.pick(STREETS)}, д. ${1 + rnd.int(120)}, кв. ${1 + rnd.int(200)}`,
  };
  if (dotNet) Object.assign(appeal, { isDirect: rnd.chance(0.8), email: rnd.chance(0.7) ? '' : `user${n}@example.ru` });
  appeal.questions = questions;
  const style = rnd.next();
  if (style < 0.15) return JSON.stringify(appeal);
  if (style < 0.4) return JSON.stringify(appeal, null, 2).replace(/\n/g, '\r\n') + '\r\n';
  return JSON.stringify(appeal, null, 2) + '\n';
}

/** Write `files` appeals into `folder` (created if needed) as 00000.json, 00001.json, … */
export function generateFolder(folder: string, files = DEFAULT_FILES, seed = 2016): Generated {
  fs.mkdirSync(folder, { recursive: true });
  const rnd = new Random(seed);
  let bytes = 0;
  let withAttachment = 0;
  for (let n = 0; n < files; n++) {
    const attach = rnd.chance(ATTACHMENT_SHARE);
    if (attach) withAttachment++;
    const text = appealText(rnd, n, attach ? ATTACHMENT_BYTES : 0);
    const buffer = Buffer.from(text, 'utf8');
    bytes += buffer.length;
    fs.writeFileSync(path.join(folder, `${String(n).padStart(5, '0')}.json`), buffer);
  }
  return { files, bytes, withAttachment };
}

/** A document of about `bytes` UTF-8 bytes: one answered question whose file fills it. */
export function bigAttachmentAppeal(bytes: number, seed = 7): string {
  return appealText(new Random(seed), 1, Math.floor((bytes * 3) / 4), 1);
}

/**
 * A document of about `bytes` that is all structure: tens of thousands of InWork questions.
 * Not realistic (an appeal has a few questions); it measures the parser and rules per node.
 * There are fewer 4-digit codes than questions, so codes repeat (`rro/code-duplicate`).
 */
export function manyQuestionsAppeal(bytes: number): { text: string; questions: number } {
  const appeal = JSON.parse(appealText(new Random(11), 0, 0, 1)) as { questions: unknown[] };
  const sample = { code: '0001', status: 'InWork', incomingDate: '2026-01-10', registrationDate: '2026-01-11' };
  const count = Math.ceil(bytes / (JSON.stringify(sample, null, 2).length + 8));
  appeal.questions = Array.from({ length: count }, (_, i) => ({
    ...sample,
    code: String(1 + (i % 9999)).padStart(4, '0'),
  }));
  return { text: JSON.stringify(appeal, null, 2), questions: count };
}

if (require.main === module) {
  const [folder, ...rest] = process.argv.slice(2);
  const option = (name: string): number | undefined => {
    const i = rest.indexOf(name);
    return i >= 0 ? Number(rest[i + 1]) : undefined;
  };
  if (!folder) {
    console.error('usage: generate.js <folder> [--files N] [--seed N]');
    process.exit(2);
  }
  const g = generateFolder(folder, option('--files'), option('--seed'));
  console.log(
    `${g.files} files, ${(g.bytes / 1e6).toFixed(1)} MB, ${g.withAttachment} with a ${ATTACHMENT_BYTES / 1024} KB attachment`,
  );
}
