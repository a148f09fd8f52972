// `--format json`: the documented shape, nothing more, so scripts can rely on it
// (README «rro check»): version, files with kind and diagnostics, summary.
import { escapeControl } from '../../util/safeText';
import { totals, type CheckedFile } from '../../check/diagnostics';

export function formatJson(files: readonly CheckedFile[]): string {
  const report = {
    version: 1,
    files: files.map((f) => ({
      path: escapeControl(f.path), // bidi overrides survive JSON escaping: shown escaped
      kind: f.kind,
      diagnostics: f.diagnostics.map((d) => ({
        rule: d.rule,
        severity: d.severity,
        message: escapeControl(d.message),
        pointer: d.pointer,
        range: { start: { ...d.range.start }, end: { ...d.range.end } },
      })),
    })),
    summary: totals(files),
  };
  return JSON.stringify(report) + '\n';
}
