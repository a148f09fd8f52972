import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createMatcher, matchGlob, matchesSelfOrParent, normalizeRelative } from '../../server/src/files/glob';

const CASES: readonly [pattern: string, path: string, expected: boolean][] = [
  ['**/*.json', 'a.json', true],
  ['**/*.json', 'x/y/обращение.json', true],
  ['**/*.json', 'a.json.bak', false],
  ['*.json', 'a.json', true],
  ['*.json', 'x/a.json', false],
  ['*.json', '.hidden.json', true],
  ['x/*.json', 'x/a.json', true],
  ['x/*.json', 'x/y/a.json', false],
  ['x/**', 'x/y/z', true],
  ['x/**/*.json', 'x/a.json', true],
  ['x/**/*.json', 'x/1/2/3/a.json', true],
  ['**/node_modules/**', 'a/node_modules/b/c.json', true],
  ['?.json', 'a.json', true],
  ['?.json', 'ab.json', false],
  ['?.json', '/.json', false],
  ['**/*.{json,zip}', 'out/export.zip', true],
  ['**/*.{json,zip}', 'out/export.txt', false],
  ['{a,b/{c,d}}/*.json', 'b/d/x.json', true],
  ['{a,b/{c,d}}/*.json', 'b/e/x.json', false],
  ['[0-9]*.json', '2026.json', true],
  ['[0-9]*.json', 'x2026.json', false],
  ['[!0-9]*.json', 'x.json', true],
  ['[!0-9]*.json', '1.json', false],
  ['a.b', 'aXb', false],
  ['(x)+.json', '(x)+.json', true],
  ['[unclosed', '[unclosed', true],
  ['{unclosed', '{unclosed', true],
  ['**/**/*.json', 'a.json', true],
  ['a/**/b/**/c.json', 'a/x/b/y/z/c.json', true],
  ['a/**/b/**/c.json', 'a/x/c.json', false],
];

test('VS Code-style patterns match paths relative to the base folder', () => {
  for (const [pattern, path, expected] of CASES) {
    assert.equal(matchGlob(pattern, path), expected, `${pattern} vs ${path}`);
  }
});

test('backslashes, ./ and a leading slash are normalised on both sides', () => {
  assert.equal(normalizeRelative('.\\a\\b.json'), 'a/b.json');
  assert.equal(normalizeRelative('/a//b/'), 'a/b');
  assert.equal(normalizeRelative('.'), '');
  assert.equal(matchGlob('a\\*.json', 'a\\b.json'), true);
  assert.equal(matchGlob('./**/*.json', './x/b.json'), true);
});

test('letter case: exact by default, ignored on request', () => {
  assert.equal(matchGlob('**/*.json', 'A.JSON'), false);
  assert.equal(matchGlob('**/*.json', 'A.JSON', { ignoreCase: true }), true);
});

test('createMatcher: any pattern; empty patterns are ignored; no pattern matches nothing', () => {
  const m = createMatcher(['**/*.zip', '', 'only/*.json']);
  assert.equal(m('a/b.zip'), true);
  assert.equal(m('only/x.json'), true);
  assert.equal(m('other/x.json'), false);
  assert.equal(createMatcher([])('a.json'), false);
});

test('matchesSelfOrParent: a matching folder excludes everything below it', () => {
  const m = createMatcher(['**/node_modules']);
  assert.equal(matchesSelfOrParent(m, 'a/node_modules/pkg/package.json'), true);
  assert.equal(matchesSelfOrParent(m, 'a/src/index.json'), false);
});

test('patterns that make regular expressions backtrack forever are matched in polynomial time', () => {
  const start = process.hrtime.bigint();
  assert.equal(matchGlob('**/x/**/x/**/x/**/*a*a*a*a*a*.json', 'x/'.repeat(200) + 'a'.repeat(5000) + '.jso'), false);
  assert.equal(matchGlob('{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}', 'abababab'), false);
  assert.ok(Number(process.hrtime.bigint() - start) / 1e6 < 2000, 'glob matching took over 2 s');
});
