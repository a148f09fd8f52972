// Department names for hover and completion: a user-supplied file (`rro.departments.path`, the
// SearchDepartments answer shape `[{id, name}]`) and the cache the VS Code client fills.
import { promises as fs } from 'node:fs';
import type { DepartmentName } from './protocol';

/** Parses a departments file; entries without a string id and name are skipped. */
export function parseDepartments(text: string): DepartmentName[] {
  const data: unknown = JSON.parse(text);
  const list = Array.isArray(data) ? data : [];
  const out: DepartmentName[] = [];
  for (const item of list) {
    if (typeof item !== 'object' || item === null) continue;
    const { id, name } = item as Record<string, unknown>;
    if (typeof id === 'string' && typeof name === 'string') out.push({ id, name });
  }
  return out;
}

export class DepartmentDirectory {
  // Keyed by the lower-cased id (GUIDs are compared in any case); the value keeps the id as given.
  private cache = new Map<string, DepartmentName>();
  private readonly files = new Map<string, { mtimeMs: number; names: Map<string, DepartmentName> }>();

  setCache(list: readonly DepartmentName[]): void {
    this.cache = new Map(list.map((d) => [d.id.toLowerCase(), d]));
  }

  /** Reads (or re-reads when it changed) a departments file; throws with the reason when unreadable. */
  async load(file: string): Promise<Map<string, DepartmentName>> {
    const stat = await fs.stat(file);
    const known = this.files.get(file);
    if (known && known.mtimeMs === stat.mtimeMs) return known.names;
    const names = new Map(parseDepartments(await fs.readFile(file, 'utf8')).map((d) => [d.id.toLowerCase(), d]));
    this.files.set(file, { mtimeMs: stat.mtimeMs, names });
    return names;
  }

  /** Every known department: the file's (when given) first, then the cache's. */
  async all(file: string | undefined): Promise<DepartmentName[]> {
    const merged = new Map<string, DepartmentName>();
    if (file)
      for (const [key, d] of await this.load(file).catch(() => new Map<string, DepartmentName>())) merged.set(key, d);
    for (const [key, d] of this.cache) if (!merged.has(key)) merged.set(key, d);
    return [...merged.values()];
  }

  async name(id: string, file: string | undefined): Promise<string | undefined> {
    const key = id.toLowerCase();
    if (file) {
      const fromFile = (await this.load(file).catch(() => undefined))?.get(key);
      if (fromFile) return fromFile.name;
    }
    return this.cache.get(key)?.name;
  }
}
