// The attachment object (§3.2.5): `name` without a path, `content` non-empty valid Base64.
import { ATTACHMENT_FIELDS, LARGE_ATTACHMENT_MB } from '../../format/table';
import type { JsonNode, Span } from '../json';
import type { ObjectView } from '../model';
import type { RuleContext } from './context';
import { fix, replaceNode } from './edits';
import { checkPropertyNames, checkRequired, typedValue } from './fields';

const FORBIDDEN_IN_NAME = /[<>:"|?*\u0000-\u001f]/;
const BASE64_CHAR = /[A-Za-z0-9+/=\s]/;

/** `view`: the attachment object, bound to the attachment fields. */
export function checkAttachment(view: ObjectView, ctx: RuleContext): void {
  checkPropertyNames(view, ctx.reporter);
  checkRequired(view, ATTACHMENT_FIELDS, ctx);
  const name = typedValue(view, 'name', ctx.reporter);
  if (name) checkName(name, view, ctx);
  const content = typedValue(view, 'content', ctx.reporter);
  if (content) checkContent(content, view, ctx);
}

function checkName(value: JsonNode, view: ObjectView, ctx: RuleContext): void {
  const pointer = (): string => view.pointerOf('name');
  const s = String(value.value);
  if (s.trim() === '') {
    ctx.reporter.report('rro/attachment-name', value, pointer(), { variant: 'empty' });
    return;
  }
  const base = s.slice(Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\')) + 1);
  if (base !== s) {
    ctx.reporter.report('rro/attachment-name', value, pointer(), {
      variant: 'path',
      args: { value: s, expected: base },
      fixes: base ? [fix('fix.replaceWith', [replaceNode(value, base)], true, { value: base })] : undefined,
    });
  } else if (FORBIDDEN_IN_NAME.test(s)) {
    ctx.reporter.report('rro/attachment-name', value, pointer(), { variant: 'chars', args: { value: s } });
  }
}

function checkContent(value: JsonNode, view: ObjectView, ctx: RuleContext): void {
  const pointer = (): string => view.pointerOf('content');
  const s = value.value as string;
  if (s.length === 0) {
    ctx.reporter.report('rro/attachment-content', value, pointer(), { variant: 'empty' });
    return;
  }
  if (!isBase64(s)) {
    const bad = firstNonBase64(s);
    const at = badSpan(value, bad < 0 ? s.length : bad, ctx.text);
    ctx.reporter.report('rro/attachment-content', at.span, pointer(), {
      args: { position: bad + 1, char: bad >= 0 ? JSON.stringify(s[bad]) : '', line: at.line, column: at.column },
      variant: bad >= 0 ? 'char' : 'length',
    });
    return;
  }
  // Whitespace (which .NET skips) is rare and small: the length is close enough for a warning.
  const bytes = Math.floor((s.length * 3) / 4);
  if (bytes > LARGE_ATTACHMENT_MB * 1024 * 1024) {
    ctx.reporter.report('rro/attachment-large', value, pointer(), {
      args: { size: (bytes / 1024 / 1024).toFixed(1), limit: LARGE_ATTACHMENT_MB },
    });
  }
}

/**
 * Strict Base64 as .NET's Convert.FromBase64String reads it. Node's decoder runs at native
 * speed but skips what it does not know, so a string is valid when nothing was skipped: the
 * decoded length is exactly what its length and padding promise (and no base64url letters,
 * which Node accepts and .NET does not). Whitespace, which .NET skips, goes the slow way.
 */
function isBase64(s: string): boolean {
  if (strictLength(s)) return true;
  const compact = s.replace(/\s+/g, '');
  return compact !== s && compact.length > 0 && strictLength(compact);
}

function strictLength(s: string): boolean {
  if (s.length % 4 !== 0 || s.includes('-') || s.includes('_')) return false;
  const padding = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0;
  const expected = (s.length / 4) * 3 - padding;
  return decodedLength(s, expected) === expected;
}

/** Reused for attachments up to 1 MB: decoding into it is ten times cheaper than a new Buffer. */
let scratch = Buffer.alloc(0);
const SCRATCH_MAX = 1024 * 1024;

/** How many bytes Node's decoder makes of `s`, given room for `expected`. */
function decodedLength(s: string, expected: number): number {
  if (expected > SCRATCH_MAX) return Buffer.from(s, 'base64').length;
  if (scratch.length < expected) scratch = Buffer.allocUnsafe(Math.max(expected, 64 * 1024));
  return scratch.write(s, 'base64');
}

/** Values longer than this are underlined only around the bad character, not as a whole. */
const WHOLE_VALUE_MAX = 80;
const CONTEXT_CHARS = 4;

/**
 * Where the bad character of a long value stands in the text (a few characters either side,
 * or the last few for a wrong length), with its 1-based line and column. Offsets in the
 * decoded value equal those in the text when the string holds no escapes (Base64 has none).
 */
function badSpan(value: JsonNode, index: number, text: string): { span: Span; line: number; column: number } {
  const raw = value.length - 2;
  // Every escape is longer than the character it stands for: equal lengths mean none.
  const exact = raw === (value.value as string).length;
  const at = value.offset + 1 + Math.min(index, raw);
  const span =
    raw <= WHOLE_VALUE_MAX || !exact
      ? value
      : {
          offset: Math.max(value.offset + 1, at - CONTEXT_CHARS),
          length:
            Math.min(value.offset + 1 + raw, at + CONTEXT_CHARS + 1) - Math.max(value.offset + 1, at - CONTEXT_CHARS),
        };
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return { span, line, column: at - lineStart + 1 };
}

function firstNonBase64(s: string): number {
  for (let i = 0; i < s.length; i++) if (!BASE64_CHAR.test(s[i])) return i;
  return -1;
}
