// Numbers, sizes and times as the user reads them: in the UI language's conventions
// («5,3 МБ», «1 234», «2 дек. 2026 г., 17:40») — never a dot decimal or a UTC ISO stamp.
import * as vscode from 'vscode';
import { l10n } from './l10n';

function locale(): string {
  return vscode.env.language || 'en';
}

export function formatCount(n: number): string {
  return new Intl.NumberFormat(locale()).format(n);
}

/** Bytes as КБ/МБ (decimal units, as the archive limit is stated), one decimal place. */
export function formatSize(bytes: number): string {
  const mb = bytes / 1e6;
  const [value, unit] =
    mb >= 1 ? [mb, l10n.t('MB')] : bytes >= 1000 ? [bytes / 1000, l10n.t('KB')] : [bytes, l10n.t('B')];
  const digits = value >= 100 || unit === l10n.t('B') ? 0 : 1;
  return `${new Intl.NumberFormat(locale(), { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value)} ${unit}`;
}

export function formatSeconds(ms: number): string {
  return formatDecimal(ms / 1000);
}

/** A moment in the user's local time zone, date and time. */
export function formatTime(iso: string | number | Date): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

export function formatDecimal(n: number, digits = 1): string {
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(n);
}
