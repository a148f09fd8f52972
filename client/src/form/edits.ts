// A form edit as the smallest text edit: jsonc-parser's `modify` touches only the value (or
// the property) at the path, so key order, comments and the rest of the formatting stay as
// they are; the indentation and line ends of new properties follow the document's own.
import { modify, type Edit, type FormattingOptions } from 'jsonc-parser';
import type { JsonPath } from './model';

/** Indentation as the document uses it (the first indented line), and its line end. */
export function formattingOf(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indent = /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
  if (indent.startsWith('\t')) return { insertSpaces: false, tabSize: 4, eol };
  return { insertSpaces: true, tabSize: indent.length, eol };
}

/** The edits that set (or, with `undefined`, remove) the value at `path`. */
export function editsFor(text: string, path: JsonPath, value: unknown): Edit[] {
  return modify(text, path, value, { formattingOptions: formattingOf(text) });
}
