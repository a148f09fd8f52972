// `path:line:col: severity rule message` — 1-based, the shape terminals turn into links and
// VS Code's `$eslint-compact`-like problem matchers read — then one summary line.
import { message, type Lang } from '../../l10n/messages';
import { escapeControl } from '../../util/safeText';
import { paintFor, type Paint } from '../style';
import { totals, type CheckedFile } from '../../check/diagnostics';

export function formatText(files: readonly CheckedFile[], lang: Lang, paint: Paint = paintFor(false)): string {
  const severity = (s: string): string =>
    s === 'error' ? paint.red(s) : s === 'warning' ? paint.yellow(s) : paint.cyan(s);
  const out: string[] = [];
  for (const f of files) {
    for (const d of f.diagnostics) {
      out.push(
        // File and entry names come from outside: a control character could forge a line.
        `${escapeControl(f.path)}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${severity(d.severity)} ${d.rule} ${escapeControl(d.message)}`,
      );
    }
  }
  const sum = totals(files);
  const unknown = files.filter((f) => f.kind === 'unknown' && f.diagnostics.length === 0).length;
  const args = { files: sum.files, errors: sum.errors, warnings: sum.warnings, unknown };
  out.push(
    paint.bold(message('check.summary', args, lang)) +
      (unknown > 0 ? message('check.summary.unknown', args, lang) : ''),
  );
  return out.join('\n') + '\n';
}
