// Issue 10.1 over LSP: an opened `file:` document whose file on disk is Windows-1251 keeps
// `rro/encoding` (the editor's buffer holds U+FFFD), with the detected encoding in its data.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FIXTURES, fileUri, LspTestClient } from './client';

const VALID = readFileSync(path.join(FIXTURES, 'valid', 'answered.json'), 'utf8');

/** Windows-1251 bytes of a text (Cyrillic letters and ASCII are all an appeal needs). */
function windows1251(text: string): Buffer {
  return Buffer.from(
    [...text].map((ch) => {
      const c = ch.codePointAt(0)!;
      if (c < 0x80) return c;
      if (c >= 0x410 && c <= 0x44f) return c - 0x410 + 0xc0;
      if (c === 0x401) return 0xa8;
      if (c === 0x451) return 0xb8;
      if (c === 0x2116) return 0xb9; // №
      throw new Error(`no Windows-1251 byte for U+${c.toString(16)}`);
    }),
  );
}

describe('encoding of open files', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rro-encoding-'));
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ pull: true, folders: [dir] });
  });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps rro/encoding on an opened Windows-1251 file, naming the encoding in data', async () => {
    const file = path.join(dir, 'обращение-1251.json');
    const bytes = windows1251(VALID);
    writeFileSync(file, bytes);
    const uri = fileUri(file);
    await client.open(uri, bytes.toString('utf8')); // what an editor shows when it reads UTF-8
    const diagnostics = await client.pullDiagnostics(uri);
    const encoding = diagnostics.find((d) => d.code === 'rro/encoding');
    assert.ok(encoding, JSON.stringify(diagnostics.map((d) => d.code)));
    assert.deepEqual(encoding.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.equal((encoding.data as { encoding?: string }).encoding, 'windows-1251');
  });

  it('says nothing of encoding for a UTF-8 file, nor for an unsaved buffer', async () => {
    const file = path.join(dir, 'utf8.json');
    writeFileSync(file, VALID);
    await client.open(fileUri(file), VALID);
    assert.ok(!(await client.pullDiagnostics(fileUri(file))).some((d) => d.code === 'rro/encoding'));
    await client.open('untitled:new.json', VALID);
    assert.ok(!(await client.pullDiagnostics('untitled:new.json')).some((d) => d.code === 'rro/encoding'));
  });
});
