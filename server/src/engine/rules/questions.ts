// Questions (§3.1, §3.2; spec §5): code, status, the fields each status requires, dates in
// order, and the attachment and transfer objects.
import {
  QUESTION_FIELDS,
  STATUS_ALIASES,
  STATUS_BY_ID,
  STATUS_IDS,
  STATUSES,
  type FieldSpec,
  type StatusSpec,
} from '../../format/table';
import type { JsonNode } from '../json';
import { ObjectView, objectView } from '../model';
import { childPointer } from '../pointer';
import type { AppealFacts } from './appeal';
import { checkAttachment } from './attachment';
import { checkCodeValue } from './codes';
import type { RuleContext } from './context';
import { checkDate, checkOrder, type DatedField } from './dates';
import { checkPropertyNames, checkRequired, placeholder, typedValue } from './fields';
import { checkTransfer } from './transfer';
import { checkEnum } from './values';

const FIELD = new Map<string, FieldSpec>(QUESTION_FIELDS.map((f) => [f.name, f]));
const FIELD_BY_LOWER = new Map<string, FieldSpec>(QUESTION_FIELDS.map((f) => [f.name.toLowerCase(), f]));
const ALWAYS = ['code', 'status'] as const;
/** Fields checked by `rro/required` per status (the attachment has its own rule), made once. */
const REQUIRED = new Map<StatusSpec | undefined, FieldSpec[]>(
  [undefined, ...STATUSES].map((s) => [
    s,
    [...ALWAYS, ...(s?.requires ?? [])].filter((n) => n !== 'attachment').map((n) => FIELD.get(n)!),
  ]),
);
const DATE_FIELDS = ['incomingDate', 'registrationDate', 'responseDate'] as const;

export function checkQuestions(array: JsonNode, pointer: string, facts: AppealFacts, ctx: RuleContext): void {
  const codes = new Map<string, number>();
  array.children!.forEach((item, i) => {
    const here = childPointer(pointer, i);
    const view = objectView(item, here);
    if (!view) {
      ctx.reporter.report('rro/type', item, here, {
        variant: 'object',
        args: { name: `questions[${i}]`, expected: 'object' },
      });
      return;
    }
    const code = checkQuestion(view, facts, ctx);
    if (code === undefined) return;
    const first = codes.get(code);
    if (first === undefined) codes.set(code, i);
    else {
      const node = view.value('code')!;
      ctx.reporter.report('rro/code-duplicate', node, view.pointerOf('code'), { args: { code, first: first } });
    }
  });
}

/** Returns the question's valid code, for the duplicate check. */
function checkQuestion(view: ObjectView, facts: AppealFacts, ctx: RuleContext): string | undefined {
  const { reporter, options } = ctx;
  checkPropertyNames(view, QUESTION_FIELDS, reporter);
  const status = checkStatus(view, ctx);
  checkRequired(view, REQUIRED.get(status)!, reporter, ctx.text, (s) => questionPlaceholder(s, options.today));
  if (status) checkUnused(view, status, ctx);

  const code = checkCode(view, ctx);
  const dated = DATE_FIELDS.map((name) => datedField(view, name, ctx));
  checkOrder([facts.createDate, ...dated], reporter);

  if (status?.requires.includes('attachment')) checkAttachmentPresent(view, ctx);
  const attachment = typedValue(view.get('attachment'), FIELD.get('attachment')!, reporter);
  if (attachment) checkAttachment(attachment, view.pointerOf('attachment'), ctx);
  typedValue(view.get('actionsTaken'), FIELD.get('actionsTaken')!, reporter);
  const transfer = typedValue(view.get('transfer'), FIELD.get('transfer')!, reporter);
  if (transfer) checkTransfer(transfer, view.pointerOf('transfer'), dated[1], facts, ctx);
  return code;
}

function checkStatus(view: ObjectView, ctx: RuleContext): StatusSpec | undefined {
  const value = typedValue(view.get('status'), FIELD.get('status')!, ctx.reporter);
  if (!value) return undefined;
  const id = checkEnum('rro/status-value', value, view.pointerOf('status'), STATUS_IDS, STATUS_ALIASES, ctx.reporter);
  return id ? STATUS_BY_ID.get(id) : undefined;
}

function checkCode(view: ObjectView, ctx: RuleContext): string | undefined {
  const value = typedValue(view.get('code'), FIELD.get('code')!, ctx.reporter);
  return value ? checkCodeValue(value, view.pointerOf('code'), ctx) : undefined;
}

function datedField(view: ObjectView, name: (typeof DATE_FIELDS)[number], ctx: RuleContext): DatedField | undefined {
  const node = typedValue(view.get(name), FIELD.get(name)!, ctx.reporter);
  if (!node) return undefined;
  const pointer = view.pointerOf(name);
  return { name, pointer, node, day: checkDate(node, pointer, name, ctx.reporter, ctx.options.today) };
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
  for (const ref of view.props) {
    if (!ref.value || ref.value.type === 'null') continue;
    const spec = FIELD.get(ref.key) ?? FIELD_BY_LOWER.get(ref.key.toLowerCase());
    if (!spec || ALWAYS.includes(spec.name as 'code') || status.requires.includes(spec.name as 'code')) continue;
    ctx.reporter.report('rro/unused-field', ref.keyNode, ref.pointer, { args: { name: spec.name, status: status.id } });
  }
}

function questionPlaceholder(spec: FieldSpec, today: string): unknown {
  if (spec.name === 'transfer') return { departmentId: '', transferDate: today, transferNumber: '' };
  return placeholder(spec, today);
}
