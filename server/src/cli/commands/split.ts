// `rro split <file>…`: a file holding several appeals (a root array, JSON Lines) becomes one
// file per appeal beside it, each the appeal's text as written (UTF-8), named after the
// original (`bad-1.json`, `bad-2.json`…) and never overwriting a file (created exclusively).
// The original is kept unless `--remove`. Exit 0 split; 1 a file holds a single document
// (nothing to split); 2 usage, an unreadable file or a write that failed.
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { decodeBytes, splitDocument } from '../../engine';
import { splitNames } from '../../files/splitNames';
import { message } from '../../l10n/messages';
import { escapeControl } from '../../util/safeText';
import { parseCommandArgs } from '../args';
import { CliError, type CliIO } from '../io';

export async function split(argv: string[], io: CliIO): Promise<number> {
  const t = (key: string, a?: Record<string, string | number>): string => message(key, a, io.lang);
  const { values, positionals } = parseCommandArgs(
    argv,
    { remove: { type: 'boolean' }, 'dry-run': { type: 'boolean' } },
    t('split.usage'),
    true,
  );
  if (positionals.length === 0) throw new CliError(t('split.noFile') + '\n' + t('split.usage'));
  let code = 0;
  for (const file of positionals) {
    const absolute = path.resolve(io.cwd, file);
    const shown = (p: string): string => escapeControl(path.relative(io.cwd, p) || p);
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(absolute);
    } catch (e) {
      throw new CliError(t('split.unreadable', { file: shown(absolute), reason: errnoCode(e) }));
    }
    const parts = splitDocument(decodeBytes(bytes).text);
    if (!parts) {
      io.stderr(t('split.single', { file: shown(absolute) }) + '\n');
      code = Math.max(code, 1);
      continue;
    }
    const names = splitNames(absolute, parts.length, existsSync);
    if (!values['dry-run']) await writeAll(names, parts, (p) => shown(p), t);
    io.stdout(
      t(values['dry-run'] ? 'split.wouldWrite' : 'split.wrote', { file: shown(absolute), count: parts.length }) + '\n',
    );
    for (const name of names) io.stdout(`  ${shown(name)}\n`);
    if (values.remove && !values['dry-run']) {
      await fs.rm(absolute);
      io.stdout(t('split.removed', { file: shown(absolute) }) + '\n');
    } else if (!values['dry-run']) io.stderr(t('split.kept', { file: shown(absolute) }) + '\n');
  }
  return code;
}

/** Exclusive creation (`wx`): a file that appeared meanwhile is never overwritten; a failure removes what this run wrote. */
async function writeAll(
  names: readonly string[],
  parts: readonly string[],
  shown: (p: string) => string,
  t: (key: string, a?: Record<string, string | number>) => string,
): Promise<void> {
  const written: string[] = [];
  try {
    for (const [i, name] of names.entries()) {
      await fs.writeFile(name, parts[i], { flag: 'wx' });
      written.push(name);
    }
  } catch (e) {
    await Promise.all(written.map((w) => fs.rm(w, { force: true })));
    throw new CliError(t('split.writeFailed', { file: shown(names[written.length]), reason: errnoCode(e) }));
  }
}

function errnoCode(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : 'EIO';
}
