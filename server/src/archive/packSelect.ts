// Which files of a folder may go into an archive, and why the others stay out. The importer
// tries to import every file it finds (spec §2), so only JSON appeals and null reports go in.
import { discover, DEFAULT_INCLUDE, type DiscoveryProblemCode } from '../files/discover';
import { createMatcher } from '../files/glob';
import { LineIndex, type BytesCheck, type DocumentKind, type MessageArgs } from '../engine';
import { dropSameFiles } from './packSameFile';

/** Why a file was left out of the archive. */
export type LeftOutReason =
  /** not matched by `rro.files` (e.g. not a `.json` file) */
  | 'not-included'
  /** a file that is not JSON at all */
  | 'not-json'
  /** valid JSON, but neither an appeal nor a null report */
  | 'not-rro'
  /** several appeals in one file, with `rro/several-documents` turned off (never packed) */
  | 'several-documents'
  /** has errors and the policy was `only-valid` */
  | 'has-errors'
  /** a name an archive must not carry (a backslash, a control character) */
  | 'unsafe-name'
  /** the same file as another name in the folder (hard link, symlink): `detail` is the name packed */
  | 'same-file'
  | DiscoveryProblemCode;

export interface LeftOut {
  path: string;
  reason: LeftOutReason;
  /** errno code for `unreadable`; the name packed for `same-file`; empty otherwise. */
  detail: string;
}

export interface Candidate {
  /** Relative to the folder, `/`-separated: the entry name. */
  path: string;
  absolute: string;
}

export interface Selection {
  candidates: Candidate[];
  leftOut: LeftOut[];
}

export interface SelectOptions {
  include?: readonly string[];
  exclude?: readonly string[];
  ignoreCase?: boolean;
}

/** Walk the folder once: candidates (sorted by name) and what stays out before reading anything. */
export async function selectFiles(folder: string, options: SelectOptions): Promise<Selection> {
  const found = await discover(folder, { include: ['**'], exclude: options.exclude, ignoreCase: options.ignoreCase });
  const rootProblem = found.problems.find((p) => p.relative === '');
  if (rootProblem) throw new FolderError(folder, rootProblem.code, rootProblem.detail);
  const included = createMatcher(options.include?.length ? options.include : DEFAULT_INCLUDE, options);
  const leftOut: LeftOut[] = found.problems.map((p) => ({ path: p.relative, reason: p.code, detail: p.detail }));
  const candidates: Candidate[] = [];
  for (const f of found.files) {
    if (!included(f.relative)) leftOut.push({ path: f.relative, reason: 'not-included', detail: '' });
    else if (!isSafeEntryName(f.relative)) leftOut.push({ path: f.relative, reason: 'unsafe-name', detail: '' });
    else candidates.push({ path: f.relative, absolute: f.absolute });
  }
  candidates.sort((a, b) => compareNames(a.path, b.path));
  const distinct = dropSameFiles(candidates, leftOut);
  leftOut.sort((a, b) => compareNames(a.path, b.path));
  return { candidates: distinct, leftOut };
}

/** The folder itself cannot be packed: missing, not a folder, unreadable. */
export class FolderError extends Error {
  constructor(
    readonly folder: string,
    readonly code: DiscoveryProblemCode,
    readonly detail: string,
  ) {
    super(`${folder}: ${code}${detail ? ` (${detail})` : ''}`);
    this.name = 'FolderError';
  }
}

/** Code-unit order: the same on every machine and locale, so archives are reproducible. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Relative, `/`-separated, no `..`, `.` or empty segment, no drive letter, no backslash (a
// Windows tool would read it as a separator) and no control characters.
export function isSafeEntryName(name: string): boolean {
  if (name === '' || name.startsWith('/') || /^[A-Za-z]:/.test(name)) return false;
  if (/[\\\u0000-\u001f\u007f]/.test(name)) return false;
  return name.split('/').every((s) => s !== '' && s !== '.' && s !== '..');
}

/** One error finding, placed: what the CLI prints and the editor shows before packing. */
export interface PlacedError {
  rule: string;
  pointer: string;
  line: number;
  column: number;
  messageKey: string;
  args?: MessageArgs;
}

export interface FileWithErrors {
  path: string;
  kind: DocumentKind;
  errors: PlacedError[];
}

export type Verdict =
  | { kind: 'valid'; docKind: DocumentKind }
  | { kind: 'errors'; file: FileWithErrors }
  | { kind: 'left-out'; reason: 'not-json' | 'not-rro' | 'several-documents' };

/**
 * Sort one checked file into: goes in, has errors, or is not ours. A file that is not JSON
 * text, or holds several appeals, carries an error finding (`walked`): it is a file with
 * errors, so the gate stops at it; only other JSON (package.json) is quietly not ours.
 */
export function judge(path: string, checked: BytesCheck): Verdict {
  const errors = checked.findings.filter((f) => f.severity === 'error');
  if (checked.kind === 'unknown' && errors.length === 0) {
    const json = checked.doc.syntax.length === 0 && checked.doc.root !== undefined;
    return { kind: 'left-out', reason: json ? 'not-rro' : 'not-json' };
  }
  if (checked.kind === 'several' && errors.length === 0) return { kind: 'left-out', reason: 'several-documents' };
  if (errors.length === 0) return { kind: 'valid', docKind: checked.kind };
  const lines = new LineIndex(checked.text);
  const placed = errors.map((f): PlacedError => {
    const pos = lines.position(f.offset);
    return {
      rule: f.rule,
      pointer: f.pointer,
      line: pos.line + 1,
      column: pos.character + 1,
      messageKey: f.messageKey,
      args: f.args,
    };
  });
  return { kind: 'errors', file: { path, kind: checked.kind, errors: placed } };
}
