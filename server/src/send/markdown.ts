// The readable side of a report: a summary and one table row per file.
import { message, type Lang } from '../l10n/messages';
import type { EntryStatus, SendReport } from './types';

const ORDER: readonly EntryStatus[] = ['accepted', 'rejected', 'failed', 'skipped', 'interrupted', 'pending'];

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
  if (report.resumedFrom) lines.push(`- ${t('send.md.resumed')}: ${report.resumedFrom}`);
  lines.push(
    '',
    ORDER.filter((s) => report.totals[s] > 0)
      .map((s) => `**${t(`send.status.${s}`)}**: ${report.totals[s]}`)
      .join(' · ') || '—',
    '',
  );
  lines.push(
    `| # | ${t('send.md.file')} | ${t('send.md.status')} | HTTP | ${t('send.md.where')} | ${t('send.md.message')} | ${t('send.md.ms')} | SHA-256 |`,
  );
  lines.push('|---|---|---|---|---|---|---|---|');
  report.files.forEach((f, i) => {
    const why =
      f.message ||
      (f.reason
        ? t(`send.reason.${f.reason.startsWith('http-') ? 'http' : f.reason}`, { status: f.httpStatus ?? '' })
        : '');
    const errors = f.errors?.length ? ` (${f.errors.slice(0, 3).join('; ')}${f.errors.length > 3 ? '; …' : ''})` : '';
    lines.push(
      `| ${i + 1} | ${cell(f.file)} | ${t(`send.status.${f.status}`)} | ${f.httpStatus ?? ''} | ${cell(f.pointer ?? '')} | ${cell(why + errors)} | ${f.durationMs !== undefined ? Math.round(f.durationMs) : ''} | ${f.sha256.slice(0, 12)} |`,
    );
  });
  return lines.join('\n') + '\n';
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
