// Completion in an empty file or a bare `{}`: the whole document as an appeal or a no-appeals
// report, for every editor (the bodies are the extension's own snippets, read at build time,
// so the two never disagree). Snippet clients get the tab stops; others get the defaults.
// Dates become today's local day here, not in the client: not every client knows
// `$CURRENT_YEAR`.
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Range } from 'vscode-languageserver/node';
import snippets from '../../../snippets/rro.json';
import { localDay } from '../engine';
import type { ServerText } from './text';

interface SnippetEntry {
  prefix: string[];
  body: string[];
}

const BY_PREFIX = new Map<string, SnippetEntry>(
  Object.values(snippets as Record<string, SnippetEntry>).map((s) => [s.prefix[0], s]),
);

/** The documents a skeleton is offered for: nothing yet, or an empty object. */
export function isBlank(text: string): boolean {
  return /^\s*(?:\{\s*\})?\s*$/.test(text.replace(/^\ufeff/, ''));
}

/** A snippet body with today's date in place of the date variables. */
function withToday(body: readonly string[], today: string): string {
  const [year, month, day] = today.split('-');
  const vars: Record<string, string> = { CURRENT_YEAR: year, CURRENT_MONTH: month, CURRENT_DATE: day };
  return body
    .join('\n')
    .replace(
      /\$\{(CURRENT_YEAR|CURRENT_MONTH|CURRENT_DATE)\}|\$(CURRENT_YEAR|CURRENT_MONTH|CURRENT_DATE)/g,
      (_w, a?: string, b?: string) => vars[a ?? b ?? ''],
    );
}

/** Every tab stop replaced by its default (the first choice), as accepting all defaults would. */
export function expandDefaults(snippet: string): string {
  let text = snippet;
  for (let guard = 0; guard < 50 && /\$\{\d+[:|]/.test(text); guard++) {
    text = text.replace(/\$\{\d+\|([^|}]*)\|\}/g, (_w, choices: string) => choices.split(',')[0]);
    text = text.replace(/\$\{\d+:([^${}]*)\}/g, (_w, def: string) => def);
  }
  return text.replace(/\$\{\d+\}|\$\d+/g, '');
}

export function skeletonItems(
  text: ServerText,
  range: Range,
  snippetSupport: boolean,
  today = localDay(new Date()),
): CompletionItem[] {
  const made: CompletionItem[] = [];
  for (const [prefix, labelKey] of [
    ['rro-appeal', 'lsp.skeleton.appeal'],
    ['rro-null-report', 'lsp.skeleton.nullReport'],
  ] as const) {
    const entry = BY_PREFIX.get(prefix);
    if (!entry) continue;
    const body = withToday(entry.body, today);
    const newText = (snippetSupport ? body : expandDefaults(body)).replace(/\t/g, '  ');
    made.push({
      label: text.t(labelKey),
      labelDetails: { description: prefix },
      kind: CompletionItemKind.Module,
      detail: text.t(`${labelKey}.detail`),
      filterText: `{ ${prefix} ${text.t(labelKey)}`,
      sortText: String(made.length),
      textEdit: { range, newText },
      insertTextFormat: snippetSupport ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    });
  }
  return made;
}
