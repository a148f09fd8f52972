// Questions (§3.1, §3.2; spec §5): code, status, the fields each status requires, dates in
// order, and the attachment and transfer objects.
import {
  ATTACHMENT_FIELDS,
  DATE_CHAIN,
  QUESTION_FIELDS,
  STATUS_ALIASES,
  STATUS_BY_ID,
  STATUS_IDS,
  STATUSES,
  TRANSFER_FIELDS,
  type FieldSpec,
  type StatusSpec,
} from '../../format/table';
import { propertyKey, propertyValue, type JsonNode } from '../json';
import { fieldTable, type ObjectView } from '../model';
import { childPointer } from '../pointer';
import type { AppealFacts } from './appeal';
import { checkAttachment } from './attachment';
import { checkCodeValue } from './codes';
import type { RuleContext } from './context';
import { checkDate, checkOrder, type DatedField } from './dates';
import { checkPropertyNames, checkRequired, placeholder, typedValue } from './fields';
import { checkTransfer } from './transfer';
import { checkEnum } from './values';

const TABLE = fieldTable(QUESTION_FIELDS);
const ATTACHMENT_TABLE = fieldTable(ATTACHMENT_FIELDS);
const TRANSFER_TABLE = fieldTable(TRANSFER_FIELDS);
const FIELD = new Map<string, FieldSpec>(QUESTION_FIELDS.map((f) => [f.name, f]));
const ALWAYS = ['code', 'status'] as const;
/** Fields checked by `rro/required` per status (the attachment has its own rule), made once. */
const REQUIRED = new Map<StatusSpec | undefined, FieldSpec[]>(
  [undefined, ...STATUSES].map((s) => [
    s,
    [...ALWAYS, ...(s?.requires ?? [])].filter((n) => n !== 'attachment').map((n) => FIELD.get(n)!),
  ]),
);
/** Per status, per field (table order): does the status use the field? Made once. */
const USES = new Map<StatusSpec, boolean[]>(
  STATUSES.map((s) => [
    s,
    QUESTION_FIELDS.map((f) => (ALWAYS as readonly string[]).includes(f.name) || s.requires.includes(f.name as 'code')),
  ]),
);
type QuestionDate = 'incomingDate' | 'registrationDate' | 'responseDate';

export function checkQuestions(array: JsonNode, appeal: ObjectView, facts: AppealFacts, ctx: RuleContext): void {
  const codes = new Map<string, number>();
  const items = array.children!;
  let view: ObjectView | undefined;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item.type !== 'object') {
      ctx.reporter.report('rro/type', item, childPointer(appeal.pointerOf('questions'), i), {
        variant: 'object',
        args: { name: `questions[${i}]`, expected: 'object' },
      });
      continue;
    }
    if (view) view.moveTo(item, i);
    else view = appeal.child(item, TABLE, 'questions', i);
    const code = checkQuestion(view, facts, ctx);
    if (code === undefined) continue;
    const first = codes.get(code);
    if (first === undefined) codes.set(code, i);
    else {
      const node = view.value('code')!;
      ctx.reporter.report('rro/code-duplicate', node, view.pointerOf('code'), { args: { code, first: first } });
    }
  }
}

/** Returns the question's valid code, for the duplicate check. */
function checkQuestion(view: ObjectView, facts: AppealFacts, ctx: RuleContext): string | undefined {
  const { reporter } = ctx;
  checkPropertyNames(view, reporter);
  const status = checkStatus(view, ctx);
  const incoming = datedField(view, 'incomingDate', ctx);
  const registration = datedField(view, 'registrationDate', ctx);
  const response = datedField(view, 'responseDate', ctx);
  const chain = [facts.createDate, incoming, registration, response];
  // A missing date is filled with the nearest earlier date of the chain, so the fix keeps the order.
  checkRequired(view, REQUIRED.get(status)!, ctx, (s, today) =>
    questionPlaceholder(s, earlierDay(chain, s.name) ?? today),
  );
  if (status) checkUnused(view, status, ctx);

  const code = checkCode(view, ctx);
  if (incoming || registration || response) checkOrder(chain, reporter);

  if (status?.requires.includes('attachment')) checkAttachmentPresent(view, ctx);
  const attachment = typedValue(view, 'attachment', reporter);
  if (attachment) checkAttachment(view.child(attachment, ATTACHMENT_TABLE, 'attachment'), ctx);
  typedValue(view, 'actionsTaken', reporter);
  const transfer = typedValue(view, 'transfer', reporter);
  if (transfer) checkTransfer(view.child(transfer, TRANSFER_TABLE, 'transfer'), registration, facts, ctx);
  return code;
}

function checkStatus(view: ObjectView, ctx: RuleContext): StatusSpec | undefined {
  const value = typedValue(view, 'status', ctx.reporter);
  if (!value) return undefined;
  const known = STATUS_BY_ID.get(value.value as string);
  if (known) return known;
  const id = checkEnum('rro/status-value', value, view, 'status', STATUS_IDS, STATUS_ALIASES, ctx.reporter);
  return id ? STATUS_BY_ID.get(id) : undefined;
}

function checkCode(view: ObjectView, ctx: RuleContext): string | undefined {
  const value = typedValue(view, 'code', ctx.reporter);
  return value ? checkCodeValue(value, view.pointerOf('code'), ctx) : undefined;
}

function datedField(view: ObjectView, name: QuestionDate, ctx: RuleContext): DatedField | undefined {
  const node = typedValue(view, name, ctx.reporter);
  if (!node) return undefined;
  return { name, view, node, day: checkDate(node, view, name, ctx.reporter, ctx.options.today) };
}

/** §3.2.5: the file may have been uploaded before, so by default a missing one is a warning. */
function checkAttachmentPresent(view: ObjectView, ctx: RuleContext): void {
  if (view.value('attachment')) return;
  ctx.reporter.report('rro/attachment-missing', view.node, view.pointerOf('attachment'), {
    severity: ctx.options.attachmentsRequired ? 'error' : undefined,
    args: { status: String(view.value('status')?.value ?? '') },
  });
}

/** A field this status does not use, given a value: the server ignores it. */
function checkUnused(view: ObjectView, status: StatusSpec, ctx: RuleContext): void {
  const uses = USES.get(status)!;
  for (let f = 0; f < uses.length; f++) {
    if (uses[f]) continue;
    const prop = view.propAt(f);
    const value = prop && propertyValue(prop);
    if (!value || value.type === 'null') continue;
    const name = QUESTION_FIELDS[f].name;
    ctx.reporter.report('rro/unused-field', propertyKey(prop), view.pointerOfProp(prop), {
      args: { name, status: status.id },
    });
  }
}

/** The day of the nearest date before `name` in the chain (createDate first), else after it. */
/** `chain` holds the dates of DATE_CHAIN, in its order. */
function earlierDay(chain: readonly (DatedField | undefined)[], name: string): string | undefined {
  const at = DATE_CHAIN.indexOf(name as (typeof DATE_CHAIN)[number]);
  if (at < 1) return undefined;
  for (let i = at - 1; i >= 0; i--) if (chain[i]?.day) return chain[i]!.day;
  for (let i = at + 1; i < chain.length; i++) if (chain[i]?.day) return chain[i]!.day;
  return undefined;
}

function questionPlaceholder(spec: FieldSpec, today: string): unknown {
  if (spec.name === 'transfer') return { departmentId: '', transferDate: today, transferNumber: '' };
  return placeholder(spec, today);
}
