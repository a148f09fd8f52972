// The realistic valid payloads under test/fixtures/valid/, read once for the tests that need them.
import * as fs from 'node:fs';
import * as path from 'node:path';

// Compiled to out/test/<area>/: the repository root is three levels up.
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const VALID_DIR = path.join(REPO_ROOT, 'test', 'fixtures', 'valid');

export interface Fixture {
  name: string;
  bytes: Buffer;
  text: string;
  value: unknown;
}

export function validFixtures(): Fixture[] {
  return fs
    .readdirSync(VALID_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((name) => {
      const bytes = fs.readFileSync(path.join(VALID_DIR, name));
      const text = bytes.toString('utf8');
      return { name, bytes, text, value: JSON.parse(text) as unknown };
    });
}

/** Is this fixture a no-appeals report rather than an appeal? */
export function isNullReport(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'month' in value && !('questions' in value);
}
