// A small matcher for VS Code-style glob patterns (`files.exclude`, `RelativePattern`):
// `**` any number of path segments (also none), `*` and `?` within one segment, `{a,b}`
// alternatives (nestable), `[a-z]` / `[!a-z]` character classes. Patterns and paths are
// relative to a base folder and use `/`; a backslash is read as `/` so Windows users' paths
// work. Like VS Code (and unlike a shell), `*` also matches names that start with a dot.
//
// Patterns come from settings and command lines, so matching must never blow up: no regular
// expressions (`*a*a*a*` backtracks exponentially there) but the greedy wildcard algorithm,
// once over segments (`**`) and once within a segment (`*`): O(pattern × path) at worst.

export interface GlobOptions {
  /** Compare letters case-insensitively (Windows and macOS file systems). */
  ignoreCase?: boolean;
}

/** `a\b`, `./a/b`, `/a/b` → `a/b`: the form patterns are matched against. */
export function normalizeRelative(path: string): string {
  let p = path.replace(/\\/g, '/').replace(/\/{2,}/g, '/');
  while (p.startsWith('./')) p = p.slice(2);
  if (p.startsWith('/')) p = p.slice(1);
  if (p.endsWith('/')) p = p.slice(0, -1);
  return p === '.' ? '' : p;
}

type Token =
  | { kind: 'char'; ch: string }
  | { kind: 'one' }
  | { kind: 'star' }
  | { kind: 'class'; negate: boolean; ranges: [string, string][] };
type Segment = { globstar: true } | { globstar: false; tokens: Token[] };
type Compiled = Segment[][];

/** More alternatives than this from `{…}` is not a real pattern; the rest stays literal. */
const MAX_ALTERNATIVES = 256;
const cache = new Map<string, Compiled>();

function compile(pattern: string, ignoreCase: boolean): Compiled {
  const key = (ignoreCase ? 'i:' : 's:') + pattern;
  let compiled = cache.get(key);
  if (!compiled) {
    const source = normalizeRelative(ignoreCase ? pattern.toLowerCase() : pattern);
    compiled = expandBraces(source).map(segmentsOf);
    if (cache.size > 1000) cache.clear(); // a handful of patterns in practice; never grow unbounded
    cache.set(key, compiled);
  }
  return compiled;
}

export function matchGlob(pattern: string, path: string, options: GlobOptions = {}): boolean {
  return createMatcher([pattern], options)(path);
}

/** One predicate for a list of patterns: true when any of them matches. */
export function createMatcher(patterns: readonly string[], options: GlobOptions = {}): (path: string) => boolean {
  const ignoreCase = options.ignoreCase === true;
  const alternatives = patterns.filter((p) => p.trim() !== '').flatMap((p) => compile(p, ignoreCase));
  return (path) => {
    const p = normalizeRelative(ignoreCase ? path.toLowerCase() : path);
    const segments = p === '' ? [] : p.split('/');
    return alternatives.some((alt) => matchSegments(alt, segments));
  };
}

// True when `path` or one of its parent folders matches: `**/node_modules` excludes everything
// below such a folder, as `files.exclude` does.
export function matchesSelfOrParent(matcher: (path: string) => boolean, path: string): boolean {
  const p = normalizeRelative(path);
  if (matcher(p)) return true;
  for (let i = p.indexOf('/'); i >= 0; i = p.indexOf('/', i + 1)) if (matcher(p.slice(0, i))) return true;
  return false;
}

/** `a{b,c{d,e}}` → `ab`, `acd`, `ace`; an unclosed `{` is literal. */
function expandBraces(pattern: string): string[] {
  const open = pattern.indexOf('{');
  if (open < 0) return [pattern];
  let depth = 0;
  const commas: number[] = [];
  let close = -1;
  for (let i = open; i < pattern.length && close < 0; i++) {
    const c = pattern[i];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) close = i;
    else if (c === ',' && depth === 1) commas.push(i);
  }
  if (close < 0) return [pattern];
  const head = pattern.slice(0, open);
  const bounds = [open, ...commas, close];
  const parts = bounds.slice(0, -1).map((b, k) => pattern.slice(b + 1, bounds[k + 1]));
  const tails = expandBraces(pattern.slice(close + 1));
  const out: string[] = [];
  for (const part of parts) {
    for (const inner of expandBraces(part)) {
      for (const tail of tails) {
        out.push(head + inner + tail);
        if (out.length >= MAX_ALTERNATIVES) return out;
      }
    }
  }
  return out;
}

function segmentsOf(pattern: string): Segment[] {
  const out: Segment[] = [];
  for (const part of pattern === '' ? [] : pattern.split('/')) {
    if (part === '**') {
      if (!(out.length > 0 && out[out.length - 1].globstar)) out.push({ globstar: true }); // `**/**` is `**`
    } else out.push({ globstar: false, tokens: tokensOf(part) });
  }
  return out;
}

function tokensOf(part: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < part.length; i++) {
    const c = part[i];
    if (c === '*') {
      if (tokens[tokens.length - 1]?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (c === '?') tokens.push({ kind: 'one' });
    else if (c === '[' && part.indexOf(']', i + 2) > 0) {
      const end = part.indexOf(']', i + 2);
      let body = part.slice(i + 1, end);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      const ranges: [string, string][] = [];
      for (let k = 0; k < body.length; k++) {
        if (body[k + 1] === '-' && k + 2 < body.length) {
          ranges.push([body[k], body[k + 2]]);
          k += 2;
        } else ranges.push([body[k], body[k]]);
      }
      tokens.push({ kind: 'class', negate, ranges });
      i = end;
    } else tokens.push({ kind: 'char', ch: c });
  }
  return tokens;
}

function tokenMatches(t: Token, ch: string): boolean {
  if (t.kind === 'char') return t.ch === ch;
  if (t.kind === 'one') return true;
  if (t.kind === 'class') return t.ranges.some(([lo, hi]) => ch >= lo && ch <= hi) !== t.negate;
  return false;
}

/**
 * The greedy wildcard algorithm: on a mismatch, go back to the last star and let it swallow
 * one more item. Correct for one kind of star, and never worse than O(pattern × subject).
 */
function greedy<P, S>(
  pattern: readonly P[],
  subject: readonly S[],
  isStar: (p: P) => boolean,
  matches: (p: P, s: S) => boolean,
): boolean {
  let p = 0;
  let s = 0;
  let starP = -1;
  let starS = 0;
  while (s < subject.length) {
    if (p < pattern.length && isStar(pattern[p])) {
      starP = p++;
      starS = s;
    } else if (p < pattern.length && matches(pattern[p], subject[s])) {
      p++;
      s++;
    } else if (starP >= 0) {
      p = starP + 1;
      s = ++starS;
    } else return false;
  }
  while (p < pattern.length && isStar(pattern[p])) p++;
  return p === pattern.length;
}

function matchSegments(pattern: readonly Segment[], segments: readonly string[]): boolean {
  return greedy(
    pattern,
    segments,
    (seg) => seg.globstar,
    (seg, name) => !seg.globstar && greedy(seg.tokens, [...name], (t) => t.kind === 'star', tokenMatches),
  );
}
