// The emulator's first step on `Import`: the engine's checks, as the real server's model
// binding and validation would do. The first error becomes the answer's `exceptionMessage`,
// phrased like the real one: «Вопрос с кодом 9876: …» when it is about a question.
import { checkBytes, type Finding } from '../engine';
import { format, type Bundle } from '../l10n/messages';
import { caseInsensitive } from './apply';
import { isRecord } from './state';

export type Validation =
  { ok: true; body: Record<string, unknown> } | { ok: false; message: string; rule: string; pointer: string };

export function validateImport(bytes: Buffer, today: string, bundle: Bundle): Validation {
  const result = checkBytes(bytes, { today, expectRro: true });
  const error = result.findings.find((f) => f.severity === 'error');
  if (error)
    return { ok: false, message: describe(error, result.text, bundle), rule: error.rule, pointer: error.pointer };
  if (result.kind !== 'appeal')
    return { ok: false, message: format('emulator.notAppeal', undefined, bundle), rule: '', pointer: '' };
  const body: unknown = JSON.parse(result.text.replace(/^\uFEFF/, ''));
  if (!isRecord(body))
    return { ok: false, message: format('emulator.notAppeal', undefined, bundle), rule: '', pointer: '' };
  return { ok: true, body };
}

function describe(finding: Finding, text: string, bundle: Bundle): string {
  const what = format(finding.messageKey, finding.args, bundle);
  const m = /^\/questions\/(\d+)(\/|$)/i.exec(finding.pointer);
  const code = m ? questionCode(text, Number(m[1])) : undefined;
  if (code) return format('emulator.questionPrefix', { code, message: what }, bundle);
  return format('emulator.invalid', { pointer: finding.pointer || '/', message: what }, bundle);
}

function questionCode(text: string, index: number): string | undefined {
  try {
    const root: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    if (!isRecord(root)) return undefined;
    const questions = caseInsensitive(root)('questions');
    const q: unknown = Array.isArray(questions) ? questions[index] : undefined;
    const code = isRecord(q) ? caseInsensitive(q)('code') : undefined;
    return typeof code === 'string' && code !== '' ? code : undefined;
  } catch {
    return undefined;
  }
}
