// A small matcher for VS Code-style glob patterns (`files.exclude`, `RelativePattern`):
// `**` any number of path segments (also none), `*` and `?` within one segment, `{a,b}`
// alternatives (nestable), `[a-z]` / `[!a-z]` character classes. Patterns and paths are
// relative to a base folder and use `/`; a backslash is read as `/` so Windows users' paths
// work. Like VS Code (and unlike a shell), `*` also matches names that start with a dot.

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

const cache = new Map<string, RegExp>();

export function globToRegExp(pattern: string, options: GlobOptions = {}): RegExp {
  const key = (options.ignoreCase ? 'i:' : 's:') + pattern;
  let re = cache.get(key);
  if (!re) {
    re = new RegExp('^' + translate(normalizeRelative(pattern)) + '$', options.ignoreCase ? 'i' : '');
    if (cache.size > 1000) cache.clear(); // patterns come from settings: a handful, but never grow unbounded
    cache.set(key, re);
  }
  return re;
}

export function matchGlob(pattern: string, path: string, options: GlobOptions = {}): boolean {
  return globToRegExp(pattern, options).test(normalizeRelative(path));
}

/** One predicate for a list of patterns: true when any of them matches. */
export function createMatcher(patterns: readonly string[], options: GlobOptions = {}): (path: string) => boolean {
  const res = patterns.filter((p) => p.trim() !== '').map((p) => globToRegExp(p, options));
  return (path) => {
    const p = normalizeRelative(path);
    return res.some((re) => re.test(p));
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

function escapeChar(c: string): string {
  return /[.+^$()|\\[\]{}*?]/.test(c) ? '\\' + c : c;
}

function translate(pattern: string): string {
  let out = '';
  let braces = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') {
      const atSegmentStart = i === 0 || pattern[i - 1] === '/';
      if (pattern[i + 1] === '*' && atSegmentStart && (i + 2 === pattern.length || pattern[i + 2] === '/')) {
        if (i + 2 === pattern.length) {
          out += '.*';
          i += 1;
        } else {
          out += '(?:[^/]*/)*'; // `**/`: zero or more whole segments
          i += 2;
        }
      } else {
        while (pattern[i + 1] === '*') i++; // `a**b` is just `a*b`
        out += '[^/]*';
      }
    } else if (c === '?') out += '[^/]';
    else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) out += '|';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) out += '\\[';
      else {
        let body = pattern.slice(i + 1, end);
        const negate = body.startsWith('!') || body.startsWith('^');
        if (negate) body = body.slice(1);
        out += '[' + (negate ? '^/' : '') + body.replace(/\\/g, '\\\\').replace(/\]/g, '\\]') + ']';
        i = end;
      }
    } else out += escapeChar(c);
  }
  // An unclosed `{` would make an invalid RegExp: close what is open, matching it literally is worse.
  return out + ')'.repeat(braces);
}
