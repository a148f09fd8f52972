// `SearchDepartments` (spec §3): a name of at least 5 characters → at most 50 `{id, name}`.
// The answer comes from outside: only `{id: GUID, name: string}` items are taken, the rest are
// counted as malformed; names are kept with control characters escaped (they reach terminals,
// quick picks and hovers); at most 50 are kept, as the spec promises, and the excess is counted.
import { escapeControl } from '../util/safeText';
import type { ImportTransport } from './client';

export const MIN_DEPARTMENT_QUERY = 5;
/** The spec's own bound of one answer. */
export const MAX_DEPARTMENTS = 50;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface Department {
  id: string;
  /** The full hierarchical name, `Область / Район / Орган`. */
  name: string;
}

export class DepartmentSearchError extends Error {
  constructor(
    readonly key: string,
    readonly args: Readonly<Record<string, string | number>>,
  ) {
    super(key);
  }
}

export interface DepartmentSearch {
  /** At most MAX_DEPARTMENTS, in the answer's order. */
  found: Department[];
  /** Items that were not `{id: GUID, name: non-empty string}`. */
  malformed: number;
  /** Well-formed items beyond MAX_DEPARTMENTS, not kept. */
  beyond: number;
}

/** The departments of one answer (see `findDepartments`). */
export async function searchDepartments(
  client: ImportTransport,
  name: string,
  signal?: AbortSignal,
): Promise<Department[]> {
  return (await findDepartments(client, name, signal)).found;
}

/** SearchDepartments with the answer validated: what was kept, and how much was not. */
export async function findDepartments(
  client: ImportTransport,
  name: string,
  signal?: AbortSignal,
): Promise<DepartmentSearch> {
  const query = name.trim();
  if ([...query].length < MIN_DEPARTMENT_QUERY)
    throw new DepartmentSearchError('api.departments.short', { min: MIN_DEPARTMENT_QUERY });
  const res = await client.post('SearchDepartments', Buffer.from(JSON.stringify({ name: query }), 'utf8'), signal);
  if (res.status !== 200) throw new DepartmentSearchError('api.departments.status', { status: res.status });
  let parsed: unknown;
  try {
    parsed = JSON.parse(res.body.replace(/^\uFEFF/, ''));
  } catch {
    throw new DepartmentSearchError('api.departments.answer', {});
  }
  if (!Array.isArray(parsed)) throw new DepartmentSearchError('api.departments.answer', {});
  const result: DepartmentSearch = { found: [], malformed: 0, beyond: 0 };
  for (const item of parsed as unknown[]) {
    const id = pick(item, 'id')?.trim();
    const title = pick(item, 'name')?.trim();
    if (id === undefined || !GUID.test(id) || !title) result.malformed++;
    else if (result.found.length >= MAX_DEPARTMENTS) result.beyond++;
    else result.found.push({ id, name: escapeControl(title) });
  }
  return result;
}

/** ASP.NET may answer `Id`/`Name` as well as `id`/`name`. */
function pick(item: unknown, key: string): string | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  for (const [k, v] of Object.entries(item)) if (k.toLowerCase() === key && typeof v === 'string') return v;
  return undefined;
}
