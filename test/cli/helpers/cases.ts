// Realistic appeals for the CLI tests, written into a temporary folder per test file.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { FIXTURES } from './runCli';
import { makeTempDir } from '../../tempDir';

export const VALID_DIR = path.join(FIXTURES, 'valid');

export function validText(name: string): string {
  return readFileSync(path.join(VALID_DIR, name), 'utf8');
}

export interface Appeal {
  [key: string]: unknown;
  questions: Record<string, unknown>[];
}

export function validAppeal(): Appeal {
  return JSON.parse(validText('in-work.json')) as Appeal;
}

/** An appeal with one question changed by `patch`. */
export function appealWith(patch: Record<string, unknown>, root: Record<string, unknown> = {}): string {
  const a = validAppeal();
  return JSON.stringify({ ...a, ...root, questions: [{ ...a.questions[0], ...patch }] }, null, 2);
}

export class TempDir {
  readonly root = makeTempDir('rro-cli-');

  write(relative: string, content: string | Buffer): string {
    const file = path.join(this.root, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
    return file;
  }

  path(relative: string): string {
    return path.join(this.root, relative);
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** 0-based line and UTF-16 character of the first `needle` in `text` (independent of the engine). */
export function positionOf(text: string, needle: string): { line: number; character: number } {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`${needle} not in text`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}
