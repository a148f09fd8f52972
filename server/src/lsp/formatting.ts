// Formatting for every editor: jsonc-parser's formatter, which keeps the order of keys and
// every comment (it only moves whitespace), with the client's indentation (2 spaces when
// the client says nothing). Only our documents: package.json and friends keep their own.
import { format, type FormattingOptions as JsoncOptions } from 'jsonc-parser';
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver/node';
import type { OpenRro } from './context';

export const DEFAULT_TAB_SIZE = 2;

export function formatEdits(open: OpenRro, options: FormattingOptions | undefined, range?: Range): TextEdit[] {
  const { snapshot } = open;
  const text = snapshot.text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const jsonc: JsoncOptions = {
    tabSize: options?.tabSize && options.tabSize > 0 ? options.tabSize : DEFAULT_TAB_SIZE,
    insertSpaces: options?.insertSpaces ?? true,
    eol,
    insertFinalNewline: options?.insertFinalNewline ?? false,
    keepLines: false,
  };
  const lines = snapshot.lines;
  const span = range
    ? { offset: lines.offset(range.start), length: lines.offset(range.end) - lines.offset(range.start) }
    : undefined;
  return format(text, span, jsonc).map((e) => ({ range: lines.range(e.offset, e.length), newText: e.content }));
}
