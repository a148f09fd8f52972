// The appeal object (§3.1; spec §4): root fields, the number rule of §3.3, the questions.
import { ROOT_FIELDS, FORMAT_VALUES, type FieldSpec } from '../../format/table';
import type { JsonNode } from '../json';
import { ObjectView, stringValue } from '../model';
import type { RuleContext } from './context';
import { checkDate, type DatedField } from './dates';
import { fix, replaceNode } from './edits';
import { checkPropertyNames, checkRequired, placeholder, typedValue } from './fields';
import { checkQuestions } from './questions';
import { checkEnum, checkGuid } from './values';

const FIELD = new Map<string, FieldSpec>(ROOT_FIELDS.map((f) => [f.name, f]));
const REQUIRED = ROOT_FIELDS.filter((f) => !f.optional);
/** Latin «A» (U+0041) where §3.3 means the Cyrillic «А» (U+0410). */
const LATIN_A26 = /^A26/;

export interface AppealFacts {
  departmentId: string | undefined;
  createDate: DatedField | undefined;
}

export function checkAppeal(root: JsonNode, ctx: RuleContext): void {
  const { reporter, options } = ctx;
  const view = new ObjectView(root, '');
  checkPropertyNames(view, ROOT_FIELDS, reporter);
  // A missing createDate is filled with the earliest question date, so the fix keeps the order.
  const firstDay = (): string => earliestQuestionDay(view.value('questions')) ?? options.today;
  checkRequired(view, REQUIRED, reporter, ctx.text, (s) =>
    placeholder(s, s.name === 'createDate' ? firstDay() : options.today),
  );
  const facts: AppealFacts = { departmentId: undefined, createDate: undefined };

  const dept = typedValue(view.get('departmentId'), FIELD.get('departmentId')!, reporter);
  if (dept && checkGuid(dept, view.pointerOf('departmentId'), 'departmentId', reporter))
    facts.departmentId = stringValue(dept);

  const format = typedValue(view.get('format'), FIELD.get('format')!, reporter);
  if (format) checkEnum('rro/format-value', format, view.pointerOf('format'), FORMAT_VALUES, {}, reporter);

  const number = typedValue(view.get('number'), FIELD.get('number')!, reporter);
  if (number) checkNumber(number, view.pointerOf('number'), ctx);

  const created = typedValue(view.get('createDate'), FIELD.get('createDate')!, reporter);
  if (created) {
    const pointer = view.pointerOf('createDate');
    facts.createDate = {
      name: 'createDate',
      node: created,
      pointer,
      day: checkDate(created, pointer, 'createDate', reporter, options.today),
    };
  }

  for (const name of ['name', 'address'] as const) {
    const value = typedValue(view.get(name), FIELD.get(name)!, reporter);
    if (value && String(value.value).trim() === '') {
      reporter.report('rro/empty-value', value, view.pointerOf(name), { args: { name }, severity: 'warning' });
    }
  }
  typedValue(view.get('isDirect'), FIELD.get('isDirect')!, reporter);
  typedValue(view.get('email'), FIELD.get('email')!, reporter);

  const questions = typedValue(view.get('questions'), FIELD.get('questions')!, reporter);
  if (questions) {
    if (questions.children!.length === 0)
      reporter.report('rro/questions-empty', questions, view.pointerOf('questions'));
    else checkQuestions(questions, view.pointerOf('questions'), facts, ctx);
  }
}

function checkNumber(value: JsonNode, pointer: string, ctx: RuleContext): void {
  const s = String(value.value);
  if (s.trim() === '') {
    ctx.reporter.report('rro/empty-value', value, pointer, { args: { name: 'number' } });
    return;
  }
  if (LATIN_A26.test(s)) {
    const edit =
      ctx.text[value.offset + 1] === 'A'
        ? { offset: value.offset + 1, length: 1, newText: 'А' }
        : replaceNode(value, 'А' + s.slice(1));
    ctx.reporter.report('rro/number-latin-a', { offset: value.offset, length: value.length }, pointer, {
      args: { value: s },
      fixes: [fix('fix.cyrillicA', [edit], true)],
    });
  }
}

/** The earliest `YYYY-MM-DD` any question's date starts with (only read for the createDate fix). */
function earliestQuestionDay(questions: JsonNode | undefined): string | undefined {
  let earliest: string | undefined;
  for (const question of questions?.type === 'array' ? (questions.children ?? []) : []) {
    for (const prop of question.type === 'object' ? (question.children ?? []) : []) {
      const value = prop.children?.[1]?.value;
      const key = String(prop.children?.[0].value).toLowerCase();
      if (!key.endsWith('date') || typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) continue;
      const day = value.slice(0, 10);
      if (earliest === undefined || day < earliest) earliest = day;
    }
  }
  return earliest;
}
