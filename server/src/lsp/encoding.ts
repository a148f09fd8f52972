// An open `file:` document whose file on disk is not UTF-8 keeps `rro/encoding`: the editor
// may have decoded Windows-1251 into U+FFFD (or guessed it right), but the importer reads the
// bytes. The bytes are read once per version of the file on disk (a stat tells when it
// changed; the buffer's keystrokes do not matter, only what was saved); the finding carries
// the detected encoding so a client can reopen the file with it and save UTF-8.
import { promises as fs } from 'node:fs';
import { decodeBytes, type CheckOptions, type Encoding, type Finding } from '../engine';
import { Reporter } from '../engine/report';
import { uriToPath } from './folders';

interface Judged {
  mtimeMs: number;
  size: number;
  encoding: Encoding;
}

const judged = new Map<string, Judged>();

/** The encoding of the file behind `uri` when it is not UTF-8, else undefined. */
export async function diskEncoding(uri: string): Promise<Encoding | undefined> {
  const file = uri.startsWith('file:') ? uriToPath(uri) : undefined;
  if (!file) return undefined;
  try {
    const stat = await fs.stat(file);
    let known = judged.get(uri);
    if (!known || known.mtimeMs !== stat.mtimeMs || known.size !== stat.size) {
      known = { mtimeMs: stat.mtimeMs, size: stat.size, encoding: decodeBytes(await fs.readFile(file)).encoding };
      judged.set(uri, known);
    }
    return known.encoding === 'utf-8' ? undefined : known.encoding;
  } catch {
    return undefined; // gone or unreadable: nothing to say about its bytes
  }
}

/** The `rro/encoding` finding at the start of the document, as the CLI and scan report it. */
export function encodingFinding(encoding: Encoding, options: CheckOptions): Finding | undefined {
  const reporter = new Reporter(options);
  reporter.report('rro/encoding', { offset: 0, length: 0 }, '', { args: { encoding: encoding.toUpperCase() } });
  return reporter.findings[0];
}
