// Every relative link in README.md and docs/*.md resolves to a file of the repository (and an
// anchor into a Markdown file to a heading or <a id> there), and every non-image target of the
// documents the .vsix carries is in it too (.vscodeignore), so the docs work in a plain clone and
// inside the extension.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const DOCS = [
  'README.md',
  ...readdirSync(path.join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

interface Link {
  file: string;
  target: string;
  image: boolean;
}

/** `[text](target)` and `![alt](target "title")`, outside code blocks and code spans. */
function linksOf(file: string): Link[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8')
    .replace(/^```[\s\S]*?^```/gm, '')
    .replace(/`[^`\n]*`/g, '');
  return [...text.matchAll(/(!?)\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => ({
    file,
    target: m[2],
    image: m[1] === '!',
  }));
}

/** GitHub's heading ids: lower case, punctuation dropped, spaces to dashes. */
function anchorsOf(markdown: string): Set<string> {
  const ids = new Set<string>();
  for (const m of markdown.matchAll(/^#{1,6}\s+(.+)$/gm))
    ids.add(
      m[1]
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, '')
        .replace(/\s/g, '-'),
    );
  for (const m of markdown.matchAll(/<a id="([^"]+)"><\/a>/g)) ids.add(m[1]);
  return ids;
}

/** A `.vscodeignore` whitelist line (`!dir/*.json`) as a regular expression. */
function whitelist(): RegExp[] {
  return readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('!'))
    .map(
      (l) =>
        new RegExp(
          `^${l
            .slice(1)
            .trim()
            .replace(/[.+^${}()|[\]\\]/g, '\\$&')
            .replace(/\*\*/g, '\0')
            .replace(/\*/g, '[^/]*')
            .replace(/\0/g, '.*')}$`,
        ),
    );
}

const external = (t: string): boolean => /^[a-z][a-z0-9+.-]*:/i.test(t);

test('every relative link in README.md and docs/*.md resolves inside the repository', () => {
  const links = DOCS.flatMap(linksOf);
  assert.ok(links.length > 5, 'links found');
  for (const { file, target } of links) {
    if (external(target)) continue;
    const [where, anchor] = target.split('#');
    const resolved = where ? path.resolve(ROOT, path.dirname(file), decodeURIComponent(where)) : path.join(ROOT, file);
    const inside = path.relative(ROOT, resolved);
    assert.ok(!inside.startsWith('..') && !path.isAbsolute(inside), `${file}: ${target} leaves the repository`);
    assert.ok(existsSync(resolved) && statSync(resolved).isFile(), `${file}: ${target} — no such file`);
    if (anchor && resolved.endsWith('.md'))
      assert.ok(anchorsOf(readFileSync(resolved, 'utf8')).has(anchor), `${file}: ${target} — no such anchor`);
  }
});

test('every document a README or docs link points to is in the .vsix', () => {
  const allowed = whitelist();
  const inVsix = (file: string): boolean => file === 'README.md' || allowed.some((re) => re.test(file));
  assert.ok(inVsix('docs/format.md'), 'the format reference is in the .vsix');
  // Links from the documents the .vsix carries (developer docs stay in the repository).
  for (const { file, target, image } of DOCS.filter(inVsix).flatMap(linksOf)) {
    const where = target.split('#')[0];
    if (external(target) || image || !where) continue;
    const inRepo = path
      .relative(ROOT, path.resolve(ROOT, path.dirname(file), where))
      .split(path.sep)
      .join('/');
    assert.ok(
      allowed.some((re) => re.test(inRepo)),
      `${file}: ${target} (${inRepo}) is not in the .vsix`,
    );
  }
});
