// The readable side of a report: a summary and one table row per file.
import { message, type Lang } from '../l10n/messages';
import { escapeControl } from '../util/safeText';
import { ENTRY_STATUSES, type ReportEntry, type SendReport } from './types';

export function renderMarkdown(report: SendReport, lang: Lang): string {
  const t = (key: string, args?: Record<string, string | number>): string => message(key, args, lang);
  const lines = [
    `# ${t('send.md.title')}`,
    '',
    `- ${t('send.md.url')}: ${report.url}`,
    `- ${t('send.md.started')}: ${report.startedAt}`,
    `- ${t('send.md.finished')}: ${report.finishedAt ?? '—'}`,
    `- ${t('send.md.state')}: ${t(`send.state.${report.state}`)}`,
  ];
  if (report.resumedFrom) lines.push(`- ${t('send.md.resumed')}: ${cell(report.resumedFrom)}`);
  if (report.stopped) lines.push(`- ${t('send.md.stopped')}: ${t(`send.stopped.${report.stopped}`)}`);
  if (report.unknown) lines.push(`- ${t('send.md.unknown')}: ${t('send.unknownSummary', { ...report.unknown })}`);
  lines.push(
    '',
    ENTRY_STATUSES.filter((s) => report.totals[s] > 0)
      .map((s) => `**${t(`send.status.${s}`)}**: ${report.totals[s]}`)
      .join(' · ') || '—',
    '',
  );
  lines.push(
    `| # | ${t('send.md.file')} | ${t('send.md.status')} | HTTP | ${t('send.md.where')} | ${t('send.md.message')} | ${t('send.md.ms')} | SHA-256 |`,
  );
  lines.push('|---|---|---|---|---|---|---|---|');
  report.files.forEach((f, i) => {
    const note = f.note ? t(`send.note.${f.note}`) : f.status === 'unknown' ? t('send.unknownHint') : '';
    const why = [f.message || reasonText(f, lang), note].filter(Boolean).join(' — ');
    const errors = f.errors?.length ? ` (${f.errors.slice(0, 3).join('; ')}${f.errors.length > 3 ? '; …' : ''})` : '';
    lines.push(
      `| ${i + 1} | ${cell(f.file)} | ${t(`send.status.${f.status}`)} | ${f.httpStatus ?? ''} | ${cell(f.pointer ?? '')} | ${cell(why + errors)} | ${f.durationMs !== undefined ? Math.round(f.durationMs) : ''} | ${f.sha256.slice(0, 12)} |`,
    );
  });
  return lines.join('\n') + '\n';
}

/** The readable reason of an entry without a server message (`send.reason.*`). */
export function reasonText(f: ReportEntry, lang: Lang): string {
  if (!f.reason) return '';
  return message(
    `send.reason.${f.reason.startsWith('http-') ? 'http' : f.reason}`,
    { status: f.httpStatus ?? '' },
    lang,
  );
}

/** A table cell: control characters escaped (text from outside), pipes escaped. */
function cell(text: string): string {
  return escapeControl(text).replace(/\|/g, '\\|');
}
