// What `isDirect` says about `number` and `createDate` (spec §4, from four public
// integrations): true — the body's own registration number and date of the appeal; false —
// forwarded by another body: its cover letter's number and date («Рег. № сопровод. документа»).
// It changes no rule; it is what a reader of the file needs to know.
import type { JsonNode } from '../engine';
import { boundProperty } from '../engine/pointer';
import type { ServerText } from './text';

/** The hover lines for `isDirect` itself: both meanings, or the one its value has. */
export function isDirectLines(t: ServerText, value: boolean | undefined): string[] {
  const lines = (v: boolean): string => `**isDirect: ${String(v)}** — ${t.t(`lsp.hover.isDirect.${String(v)}`)}`;
  return value === undefined ? [lines(true), lines(false)] : [lines(value)];
}

/** For `number`/`createDate`: the line that says what they are, given the appeal's `isDirect`. */
export function meaningUnderIsDirect(t: ServerText, root: JsonNode | undefined, field: string): string | undefined {
  if (field !== 'number' && field !== 'createDate') return undefined;
  const prop = root?.type === 'object' ? boundProperty(root, 'isDirect') : undefined;
  const value = prop?.children?.[1]?.value;
  if (typeof value !== 'boolean') return undefined;
  return t.t(`lsp.hover.${field}.isDirect.${String(value)}`);
}
