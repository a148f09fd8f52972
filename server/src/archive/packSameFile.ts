// A file reached twice inside the folder — a hard link, or a symlink to a file that is also
// there under its own name — is one file: it goes in once, under its real name (the first
// name in archive order that is not a symlink, else the first name); every other name is left
// out as `same-file`, with the name kept in `detail`, so the summary says so (the importer
// would import the appeal twice).
import { lstatSync, statSync } from 'node:fs';
import type { Candidate, LeftOut } from './packSelect';

export interface FileIdentity {
  /** Device and inode, through symlinks; undefined when it cannot be stat'ed (reading will say why). */
  id(file: string): string | undefined;
  isSymlink(file: string): boolean;
}

export const nodeFileIdentity: FileIdentity = {
  id(file) {
    try {
      const s = statSync(file, { bigint: true });
      return `${s.dev}:${s.ino}`;
    } catch {
      return undefined;
    }
  },
  isSymlink(file) {
    try {
      return lstatSync(file).isSymbolicLink();
    } catch {
      return false;
    }
  },
};

/** `candidates` (sorted) with one name per file; the other names go to `leftOut`. */
export function dropSameFiles(
  candidates: readonly Candidate[],
  leftOut: LeftOut[],
  identity: FileIdentity = nodeFileIdentity,
): Candidate[] {
  const groups = new Map<string, Candidate[]>();
  const ids = candidates.map((c) => identity.id(c.absolute));
  candidates.forEach((c, i) => {
    const id = ids[i];
    if (id !== undefined) groups.set(id, [...(groups.get(id) ?? []), c]);
  });
  const dropped = new Set<Candidate>();
  for (const names of groups.values()) {
    if (names.length < 2) continue;
    const keep = names.find((c) => !identity.isSymlink(c.absolute)) ?? names[0];
    for (const c of names) {
      if (c === keep) continue;
      dropped.add(c);
      leftOut.push({ path: c.path, reason: 'same-file', detail: keep.path });
    }
  }
  return dropped.size === 0 ? [...candidates] : candidates.filter((c) => !dropped.has(c));
}
