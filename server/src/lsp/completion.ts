// Completion: property names valid where the cursor is (for a question: required by its
// status first), inserted with a value placeholder; values for the property under the
// cursor (statuses and formats with labels, true/false, dates that keep the order, codes,
// departments), each value once, its Russian (or English) label shown beside it; in an
// empty file or `{}`, a whole appeal or no-appeals report (skeleton.ts).
import { getLocation, type Node as JsoncNode } from 'jsonc-parser';
import {
  CompletionItemKind,
  InsertTextFormat,
  type CompletionItem,
  type CompletionList,
  type Range,
} from 'vscode-languageserver/node';
import { placeholderValue } from '../format/placeholders';
import { FORMAT_LABELS, STATUSES, type FieldSpec } from '../format/table';
import { breaksOrder, chainDay } from './chainDates';
import { folderPathOf, logOf, openRro, snapshotOf, type OpenRro, type ServerContext } from './context';
import { localDay } from '../engine';
import { fieldOf, fieldsOf, requiredFields, statusSpec } from './fields';
import { isSelected } from './folders';
import { nodeAtPath, roleAt, type ObjectRole } from './locate';
import { resolveSettingPath } from './options';
import { runSafe } from './runSafe';
import { isBlank, skeletonItems } from './skeleton';
import { typedKeys } from './typedKeys';

/** At most this many codes or departments in one list: the client filters as the user types. */
const MAX_VALUES = 2000;

export function registerCompletion(ctx: ServerContext): void {
  ctx.connection.onCompletion((params, token) =>
    runSafe(logOf(ctx), 'completion', token, null, async (): Promise<CompletionList | null> => {
      const open = await openRro(ctx, params.textDocument.uri);
      if (!open) return blankDocumentItems(ctx, params.textDocument.uri);
      const offset = open.snapshot.lines.offset(params.position);
      const items = await complete(ctx, open, offset, ctx.snippetSupport);
      return { isIncomplete: false, items: onceEach(items) };
    }),
  );
}

/** An empty file or `{}` that `rro.files` selects: the skeletons, replacing the whole text. */
async function blankDocumentItems(ctx: ServerContext, uri: string): Promise<CompletionList | null> {
  const document = ctx.documents.get(uri);
  if (!document || !isBlank(document.getText())) return null;
  if (!isSelected(uri, await ctx.settings.forResource(uri), ctx.folders)) return null;
  const snapshot = snapshotOf(ctx, document);
  const range = snapshot.lines.range(0, snapshot.text.length);
  return { isIncomplete: false, items: skeletonItems(ctx.text, range, ctx.snippetSupport) };
}

/** One item per label (a value offered twice, e.g. today and the chain's day, is shown once). */
function onceEach(items: CompletionItem[]): CompletionItem[] {
  const seen = new Set<string>();
  return items.filter((i) => !seen.has(i.label) && seen.add(i.label) !== undefined);
}

interface Place {
  open: OpenRro;
  range: Range;
  snippets: boolean;
  /** The replaced text, in offsets (to see what stands around it). */
  span: { offset: number; length: number };
}

/**
 * `"status": "Answered"⏎ "act|`: a new key typed after a value that has no comma yet. The
 * parser reads it as a broken value, but the user is naming a property.
 */
function typingKeyWithoutComma(text: string, span: { offset: number; length: number }, offset: number): boolean {
  if (span.length === 0 || span.offset === offset) return false;
  let i = span.offset - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  return i >= 0 && text.lastIndexOf('\n', span.offset) > i && !':{,['.includes(text[i]);
}

/**
 * Commas a new property needs to keep the object valid: one after the value before it (when
 * that value has none) and one after the new property (when another property follows).
 */
function commasAround(text: string, span: { offset: number; length: number }): { before?: number; after: boolean } {
  const i = previousToken(text, span.offset - 1);
  const j = nextToken(text, span.offset + span.length);
  return { before: i >= 0 && !'{,['.includes(text[i]) ? i + 1 : undefined, after: text[j] === '"' };
}

/** The last offset at or before `i` that is neither whitespace nor inside a comment. */
function previousToken(text: string, i: number): number {
  for (;;) {
    while (i >= 0 && /\s/.test(text[i])) i--;
    if (i < 0) return i;
    if (i >= 1 && text[i] === '/' && text[i - 1] === '*') {
      i = text.lastIndexOf('/*', i - 2) - 1;
      continue;
    }
    const lineStart = text.lastIndexOf('\n', i) + 1;
    const comment = lineComment(text.slice(lineStart, i + 1));
    if (comment < 0) return i;
    i = lineStart + comment - 1;
  }
}

/** Where `//` starts a comment in a line (outside strings), or -1. */
function lineComment(line: string): number {
  let inString = false;
  for (let k = 0; k < line.length; k++) {
    if (inString) {
      if (line[k] === '\\') k++;
      else if (line[k] === '"') inString = false;
    } else if (line[k] === '"') inString = true;
    else if (line[k] === '/' && line[k + 1] === '/') return k;
  }
  return -1;
}

/** The first offset at or after `j` that is neither whitespace nor inside a comment. */
function nextToken(text: string, j: number): number {
  for (;;) {
    while (j < text.length && /\s/.test(text[j])) j++;
    if (text.startsWith('//', j)) j = text.indexOf('\n', j) < 0 ? text.length : text.indexOf('\n', j);
    else if (text.startsWith('/*', j)) j = text.indexOf('*/', j + 2) < 0 ? text.length : text.indexOf('*/', j + 2) + 2;
    else return j;
  }
}

async function complete(
  ctx: ServerContext,
  open: OpenRro,
  offset: number,
  snippets: boolean,
): Promise<CompletionItem[]> {
  const { snapshot } = open;
  const location = getLocation(snapshot.text, offset);
  const prev: JsoncNode | undefined = location.previousNode;
  const inString = prev?.type === 'string' && offset > prev.offset && offset <= prev.offset + prev.length;
  // `true`, `0`, `null` under the cursor: the whole literal is replaced, not written into.
  const onLiteral =
    prev !== undefined &&
    ['boolean', 'number', 'null'].includes(prev.type) &&
    offset >= prev.offset &&
    offset <= prev.offset + prev.length;
  const span =
    inString || onLiteral ? { offset: prev.offset, length: prev.length } : openQuoteSpan(snapshot.text, offset);
  const range = snapshot.lines.range(span.offset, span.length);
  const place: Place = { open, range, snippets, span };
  const path = location.path;
  if (location.isAtPropertyKey || typingKeyWithoutComma(snapshot.text, span, offset)) {
    const objectPath = path.slice(0, -1);
    return propertyItems(ctx, place, objectPath, roleAt(open.kind, objectPath));
  }
  const last = path[path.length - 1];
  if (typeof last !== 'string') return [];
  const field = fieldOf(roleAt(open.kind, path.slice(0, -1)), last);
  return field ? valueItems(ctx, place, field, path.slice(0, -1)) : [];
}

/**
 * A string the user is still typing (`"inc|` with no closing quote yet) is not a token the
 * parser reports: replace from its opening quote on this line to the cursor (and the rest
 * of the word plus a closing quote when they follow), so accepting does not leave `"inc"…`.
 */
export function openQuoteSpan(text: string, offset: number): { offset: number; length: number } {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const typed = /(?:^|[\s{\[,:])"([^"\\\n]*)$/.exec(text.slice(lineStart, offset));
  if (!typed) return { offset, length: 0 };
  const start = offset - typed[1].length - 1;
  const rest = /^[^"\s,:{}[\]]*"?/.exec(text.slice(offset))?.[0] ?? '';
  return { offset: start, length: offset - start + rest.length };
}

function propertyItems(
  ctx: ServerContext,
  place: Place,
  objectPath: (string | number)[],
  role: ObjectRole,
): CompletionItem[] {
  const root = place.open.root;
  const object = nodeAtPath(root, objectPath);
  const present = new Set(
    (object?.type === 'object' ? (object.children ?? []) : []).map((p) => String(p.children?.[0].value).toLowerCase()),
  );
  if (object?.type === 'object') for (const key of typedKeys(place.open.snapshot.text, object.offset)) present.add(key);
  present.delete(''); // the key being typed
  const statusNode = role === 'question' ? nodeAtPath(root, [...objectPath, 'status']) : undefined;
  const status = typeof statusNode?.value === 'string' ? statusSpec(statusNode.value) : undefined;
  const required = requiredFields(role, status);
  const commas = commasAround(place.open.snapshot.text, place.span);
  const lines = place.open.snapshot.lines;
  const additionalTextEdits =
    commas.before === undefined ? undefined : [{ range: lines.range(commas.before, 0), newText: ',' }];
  return fieldsOf(role)
    .filter((f) => !present.has(f.name.toLowerCase()))
    .map((f): CompletionItem => {
      const rank = required.indexOf(f.name);
      const isRequired = rank >= 0;
      const day = chainDay(root, objectPath, f.name) ?? localDay(new Date());
      const value = place.snippets ? valueSnippet(f, day) : JSON.stringify(placeholderValue(f, day));
      return {
        label: f.name,
        kind: CompletionItemKind.Property,
        detail: ctx.text.t(isRequired ? 'lsp.completion.required' : 'lsp.completion.optional'),
        labelDetails: { description: ctx.text.t(isRequired ? 'lsp.completion.required' : 'lsp.completion.optional') },
        documentation: ctx.text.pick(f.doc),
        // Required fields first, in the order the status lists them.
        sortText: isRequired ? `0${String(rank).padStart(2, '0')}` : `1${f.name}`,
        filterText: `"${f.name}"`,
        textEdit: { range: place.range, newText: `"${f.name}": ${value}${commas.after ? ',' : ''}` },
        additionalTextEdits,
        insertTextFormat: place.snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      };
    });
}

function valueSnippet(f: FieldSpec, day: string): string {
  switch (f.type) {
    case 'date':
      return `"\${1:${day}}"`;
    case 'enum':
      return `"\${1|${(f.values ?? []).join(',')}|}"`;
    case 'boolean':
      // The placeholder first, the other value second.
      return `\${1|${String(placeholderValue(f, day))},${String(!placeholderValue(f, day))}|}`;
    case 'integer':
      return '${1:0}';
    case 'array':
      return f.name === 'questions' ? '[\n\t{\n\t\t$1\n\t}\n]' : '[$1]';
    case 'object':
      if (f.name === 'attachment') return '{\n\t"name": "${1:answer.pdf}",\n\t"content": "$2"\n}';
      if (f.name === 'transfer')
        return `{\n\t"departmentId": "$1",\n\t"transferDate": "\${2:${localDay(new Date())}}",\n\t"transferNumber": "$3"\n}`;
      return '{$1}';
    default:
      return '"$1"';
  }
}

function valueItem(
  place: Place,
  value: unknown,
  detail: string | undefined,
  kind: CompletionItemKind,
  sort: number,
): CompletionItem {
  const text = JSON.stringify(value);
  return {
    label: typeof value === 'string' ? value : text,
    labelDetails: detail ? { description: detail } : undefined,
    kind,
    detail,
    sortText: String(sort).padStart(5, '0'),
    filterText: text,
    textEdit: { range: place.range, newText: text },
  };
}

async function valueItems(
  ctx: ServerContext,
  place: Place,
  field: FieldSpec,
  objectPath: readonly (string | number)[],
): Promise<CompletionItem[]> {
  const t = ctx.text;
  if (field.name === 'status') {
    return STATUSES.map((s, i) => valueItem(place, s.id, t.pick(s.label), CompletionItemKind.EnumMember, i));
  }
  if (field.name === 'format') {
    return Object.entries(FORMAT_LABELS).map(([v, label], i) =>
      valueItem(place, v, t.pick(label), CompletionItemKind.EnumMember, i),
    );
  }
  if (field.type === 'boolean')
    return [true, false].map((v, i) => valueItem(place, v, undefined, CompletionItemKind.Value, i));
  if (field.type === 'date') {
    // The chain's own day first; today only where it keeps the order.
    const root = place.open.root;
    const items: CompletionItem[] = [];
    const same = chainDay(root, objectPath, field.name);
    if (same) items.push(valueItem(place, same, t.t('lsp.completion.chainDay'), CompletionItemKind.Value, 0));
    const today = localDay(new Date());
    if (!breaksOrder(root, objectPath, field.name, today))
      items.push(valueItem(place, today, t.t('lsp.completion.today'), CompletionItemKind.Value, 1));
    return items;
  }
  if (field.name === 'code') {
    const classifier = place.open.options.classifier;
    if (!classifier) return [];
    const items: CompletionItem[] = [];
    for (const [code, entries] of classifier.byShortCode) {
      if (items.length >= MAX_VALUES) break;
      // A 4-digit code may stand for several full codes: every one is listed, with its name.
      items.push({
        ...valueItem(place, code, entries.map((e) => e.name).join(' / '), CompletionItemKind.Value, items.length),
        documentation: { kind: 'markdown', value: entries.map((e) => `\`${e.fullCode}\` ${e.name}`).join('\n\n') },
      });
    }
    // The full codes platforms also take (questions and refinements), after the 4-digit ones.
    for (const [code, name] of classifier.byFullCode ?? []) {
      if (items.length >= MAX_VALUES) break;
      if (code.length >= 19) items.push(valueItem(place, code, name, CompletionItemKind.Value, items.length));
    }
    return items;
  }
  if (field.type === 'guid') {
    const file = resolveSettingPath(place.open.settings.departmentsPath, folderPathOf(ctx, place.open.document.uri));
    const departments = await ctx.departments.all(file);
    return departments.slice(0, MAX_VALUES).map((d, i) => ({
      ...valueItem(place, d.id, d.name, CompletionItemKind.Value, i),
      filterText: `${d.name} ${d.id}`,
    }));
  }
  return [];
}
