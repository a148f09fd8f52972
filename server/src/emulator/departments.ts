// The emulator's `SearchDepartments`: a file of `[{id, name}]`, searched by a case-insensitive
// substring of at least 5 characters, at most 50 answers (spec §3).
import { promises as fs } from 'node:fs';
import { MIN_DEPARTMENT_QUERY, type Department } from '../api/departments';
import { isRecord } from './state';

export const MAX_DEPARTMENTS_ANSWER = 50;

export async function loadDepartments(file: string): Promise<Department[]> {
  const parsed: unknown = JSON.parse((await fs.readFile(file, 'utf8')).replace(/^\uFEFF/, ''));
  if (!Array.isArray(parsed)) throw new Error(`${file}: expected [{"id": …, "name": …}]`);
  return parsed.map((d: unknown, i: number) => {
    if (!isRecord(d) || typeof d.id !== 'string' || typeof d.name !== 'string')
      throw new Error(`${file}: /${i} needs string "id" and "name"`);
    return { id: d.id, name: d.name };
  });
}

const fold = (s: string): string => s.toLocaleLowerCase('ru').replace(/ё/g, 'е');

export function findDepartments(all: readonly Department[], query: string): Department[] {
  const q = fold(query.trim());
  if ([...q].length < MIN_DEPARTMENT_QUERY) return [];
  const found: Department[] = [];
  for (const d of all) {
    if (fold(d.name).includes(q)) found.push(d);
    if (found.length === MAX_DEPARTMENTS_ANSWER) break;
  }
  return found;
}
