// A reproducible folder of realistic appeals for the pack benchmark (~7.4 KB each, so 10,000
// make ~74 MB): names, addresses, 1–3 questions of every status, and Base64 attachments that
// are partly already-compressed data (as PDF/DOCX answers are) and partly plain text.
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { STATUSES } from '../../server/src/format/table';

/** mulberry32: a tiny seeded generator, so every run packs the same bytes. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = ['Иванов', 'Петрова', 'Сидоров', 'Кузнецова', 'Смирнов', 'Волкова', 'Фёдоров', 'Морозова'];
const GIVEN = ['Иван Иванович', 'Елена Павловна', 'Пётр Сергеевич', 'Ольга Викторовна', 'Алексей Николаевич'];
const STREETS = ['ул. Ленина', 'ул. Циолковского', 'пр. Мира', 'ул. Российских Газет', 'ул. Гагарина'];
const TEXT = 'Ваше обращение рассмотрено. Ответ дан в соответствии с частью 3 статьи 11 Федерального закона № 59-ФЗ. ';

function date(day: number): string {
  return new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10);
}

function attachment(next: () => number): { name: string; content: string } {
  const binary = next() < 0.6;
  const size = 3600 + Math.floor(next() * 4400);
  const bytes = Buffer.alloc(size);
  if (binary) for (let i = 0; i < size; i++) bytes[i] = Math.floor(next() * 256);
  else bytes.write(TEXT.repeat(Math.ceil(size / TEXT.length)).slice(0, size / 2), 'utf8');
  return { name: binary ? 'Ответ.pdf' : 'Ответ.txt', content: bytes.toString('base64') };
}

function appeal(n: number, next: () => number): unknown {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const day = Math.floor(next() * 200);
  const questions = Array.from({ length: 1 + Math.floor(next() * 3) }, (_, q) => {
    const status = pick(STATUSES);
    const question: Record<string, unknown> = { code: String(100 + ((n * 7 + q * 13) % 900)).padStart(4, '0'), status: status.id };
    for (const field of status.requires) {
      if (field === 'incomingDate') question.incomingDate = date(day + 1);
      else if (field === 'registrationDate') question.registrationDate = date(day + 2);
      else if (field === 'responseDate') question.responseDate = date(day + 20);
      else if (field === 'attachment') question.attachment = attachment(next);
      else if (field === 'actionsTaken') question.actionsTaken = next() < 0.5;
      else if (field === 'transfer') {
        question.transfer = { departmentId: '7D9A3C21-4B5E-4F60-8A7B-9C0D1E2F3A4B', transferDate: date(day + 5), transferNumber: `11/${n}` };
      }
    }
    return question;
  });
  return {
    departmentId: '30B1BE3B-BED1-49F6-AB4C-D138A81A9505',
    format: next() < 0.3 ? 'Electronic' : 'Other',
    number: `Ж-2026-${String(n).padStart(6, '0')}`,
    createDate: date(day),
    name: `${pick(SURNAMES)} ${pick(GIVEN)}`,
    address: `г. Калуга, ${pick(STREETS)}, д. ${1 + Math.floor(next() * 120)}, кв. ${1 + Math.floor(next() * 300)}`,
    questions,
  };
}

/** Write `count` appeals into `folder` (or, with `reuse`, count what an existing folder holds). */
export function generateAppealsFolder(folder: string, count: number, reuse = false): { files: number; bytes: number } {
  if (reuse) {
    const names = readdirSync(folder).filter((n) => n.endsWith('.json'));
    return { files: names.length, bytes: names.reduce((s, n) => s + statSync(path.join(folder, n)).size, 0) };
  }
  mkdirSync(folder, { recursive: true });
  const next = random(20261125);
  let bytes = 0;
  for (let n = 1; n <= count; n++) {
    const text = JSON.stringify(appeal(n, next), null, 2);
    writeFileSync(path.join(folder, `appeal-${String(n).padStart(5, '0')}.json`), text);
    bytes += Buffer.byteLength(text);
  }
  return { files: count, bytes };
}
