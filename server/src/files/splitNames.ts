// Names for the files a split writes beside the original: `bad.json` holding three appeals
// → `bad-1.json`, `bad-2.json`, `bad-3.json` (numbers padded to the same width). A name that
// is taken gets `-2`, `-3`… after its number: a split never overwrites anything.
import * as path from 'node:path';

/** `count` new names beside `file`, none for which `taken` is true and no two alike. */
export function splitNames(file: string, count: number, taken: (candidate: string) => boolean): string[] {
  const dir = path.dirname(file);
  const ext = path.extname(file) || '.json';
  const base = path.basename(file, path.extname(file));
  const width = String(count).length;
  const chosen = new Set<string>();
  const names: string[] = [];
  for (let i = 1; i <= count; i++) {
    const stem = `${base}-${String(i).padStart(width, '0')}`;
    let candidate = path.join(dir, stem + ext);
    for (let n = 2; taken(candidate) || chosen.has(candidate); n++) candidate = path.join(dir, `${stem}-${n}${ext}`);
    chosen.add(candidate);
    names.push(candidate);
  }
  return names;
}
