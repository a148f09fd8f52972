// What `rro pack` prints: the summary, the parts, what was left out and the files with errors
// (file names, line:column, rule ids and messages — never the files' contents).
import * as path from 'node:path';
import type { PackResult } from '../../archive/pack';
import { message, type Lang } from '../../l10n/messages';
import { escapeControl } from '../../util/safeText';
import type { CliIO } from '../io';

/** Sizes as people read them: decimal units, like the archive limit. */
export function sizeText(bytes: number, lang: Lang): string {
  if (bytes < 1000) return message('pack.size.bytes', { n: bytes }, lang);
  if (bytes < 1_000_000) return message('pack.size.kb', { n: (bytes / 1000).toFixed(1) }, lang);
  return message('pack.size.mb', { n: (bytes / 1_000_000).toFixed(1) }, lang);
}

/** Enough to see what is wrong with a file; `rro check` shows the rest. */
const ERRORS_PER_FILE = 10;

export function printResult(result: PackResult, folder: string, io: CliIO): void {
  const say = (key: string, args: Record<string, string | number> = {}): string => message(key, args, io.lang);
  // File names come from outside: shown with control characters escaped (util/safeText.ts).
  const shown = (p: string): string => escapeControl(path.relative(io.cwd, p) || p);
  const name = escapeControl;
  for (const t of result.removedTemps) io.stderr(say('pack.removedTemp', { file: shown(t) }) + '\n');
  if (result.leftOut.length > 0) {
    io.stderr(say('pack.leftOut', { count: result.leftOut.length }) + '\n');
    for (const l of result.leftOut)
      io.stderr(`  ${name(l.path)}: ${say(`pack.reason.${l.reason}`, { detail: name(l.detail) })}\n`);
  }
  if (result.withErrors.length > 0) {
    const header =
      result.status === 'packed' && result.packed.length > 0 && !result.leftOut.some((l) => l.reason === 'has-errors');
    io.stderr(say(header ? 'pack.errorsPacked' : 'pack.errors', { count: result.withErrors.length }) + '\n');
    for (const f of result.withErrors) {
      for (const e of f.errors.slice(0, ERRORS_PER_FILE)) {
        io.stderr(
          `  ${name(f.path)}:${e.line}:${e.column} ${e.rule} ${name(message(e.messageKey, e.args, io.lang))}\n`,
        );
      }
      const more = f.errors.length - ERRORS_PER_FILE;
      if (more > 0) io.stderr(say('pack.moreErrors', { count: more, file: name(f.path) }) + '\n');
    }
  }
  if (result.status === 'refused') io.stderr(say('pack.refused', { count: result.withErrors.length }) + '\n');
  else if (result.status === 'empty') io.stderr(say('pack.empty', { folder: shown(folder) }) + '\n');
  else {
    io.stdout(
      say('pack.summary', {
        files: result.packed.length,
        input: sizeText(result.inputBytes, io.lang),
        parts: result.parts.length,
        size: sizeText(result.archiveBytes, io.lang),
        seconds: (result.durationMs / 1000).toFixed(1),
      }) + '\n',
    );
    if (result.sameFiles > 0) io.stdout(say('pack.sameFiles', { count: result.sameFiles }) + '\n');
    for (const p of result.parts)
      io.stdout(say('pack.part', { path: shown(p.path), entries: p.entries, size: sizeText(p.bytes, io.lang) }) + '\n');
    if (result.staleParts.length > 0)
      io.stderr(say('pack.staleParts', { files: result.staleParts.map(shown).join(', ') }) + '\n');
  }
}
