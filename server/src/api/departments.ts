// `SearchDepartments` (spec §3): a name of at least 5 characters → at most 50 `{id, name}`.
import type { ImportTransport } from './client';

export const MIN_DEPARTMENT_QUERY = 5;

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

export async function searchDepartments(
  client: ImportTransport,
  name: string,
  signal?: AbortSignal,
): Promise<Department[]> {
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
  const found: Department[] = [];
  for (const item of parsed) {
    const id = pick(item, 'id');
    const title = pick(item, 'name');
    if (id !== undefined && title !== undefined) found.push({ id, name: title });
  }
  return found;
}

/** ASP.NET may answer `Id`/`Name` as well as `id`/`name`. */
function pick(item: unknown, key: string): string | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  for (const [k, v] of Object.entries(item)) if (k.toLowerCase() === key && typeof v === 'string') return v;
  return undefined;
}
