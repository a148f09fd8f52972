// The appeal object (§3.1; spec §4): root fields, the number rule of §3.3, the questions.
import { ROOT_FIELDS, FORMAT_VALUES } from '../../format/table';
import type { JsonNode } from '../json';
import { fieldTable, ObjectView, stringValue } from '../model';
import type { RuleContext } from './context';
import { checkDate, type DatedField } from './dates';
import { fix, replaceNode } from './edits';
import { checkPropertyNames, checkRequired, placeholder, typedValue } from './fields';
import { checkQuestions } from './questions';
import { checkEnum, checkGuid } from './values';

const TABLE = fieldTable(ROOT_FIELDS);
const REQUIRED = ROOT_FIELDS.filter((f) => !f.optional);
/** Latin «A» (U+0041) where §3.3 means the Cyrillic «А» (U+0410). */
const LATIN_A26 = /^A26/;

export interface AppealFacts {
  departmentId: string | undefined;
  createDate: DatedField | undefined;
}

export function checkAppeal(root: JsonNode, ctx: RuleContext): void {
  const { reporter, options } = ctx;
  const view = new ObjectView(root, TABLE);
  checkPropertyNames(view, reporter);
  // A missing createDate is filled with the earliest question date, so the fix keeps the order.
  const firstDay = (): string => earliestQuestionDay(view.value('questions')) ?? options.today;
  checkRequired(view, REQUIRED, ctx, (s, today) => placeholder(s, s.name === 'createDate' ? firstDay() : today));
  const facts: AppealFacts = { departmentId: undefined, createDate: undefined };

  const dept = typedValue(view, 'departmentId', reporter);
  if (dept && checkGuid(dept, view, 'departmentId', 'departmentId', reporter)) facts.departmentId = stringValue(dept);

  const format = typedValue(view, 'format', reporter);
  if (format) checkEnum('rro/format-value', format, view, 'format', FORMAT_VALUES, {}, reporter);

  const number = typedValue(view, 'number', reporter);
  if (number) checkNumber(number, view, ctx);

  const created = typedValue(view, 'createDate', reporter);
  if (created) {
    facts.createDate = {
      name: 'createDate',
      node: created,
      view,
      day: checkDate(created, view, 'createDate', reporter, options.today),
    };
  }

  for (const name of ['name', 'address'] as const) {
    const value = typedValue(view, name, reporter);
    if (value && String(value.value).trim() === '') {
      reporter.report('rro/empty-value', value, view.pointerOf(name), { args: { name }, severity: 'warning' });
    }
  }
  typedValue(view, 'isDirect', reporter);
  typedValue(view, 'email', reporter);

  const questions = typedValue(view, 'questions', reporter);
  if (questions) {
    if (questions.children!.length === 0)
      reporter.report('rro/questions-empty', questions, view.pointerOf('questions'));
    else checkQuestions(questions, view, facts, ctx);
  }
}

function checkNumber(value: JsonNode, view: ObjectView, ctx: RuleContext): void {
  const s = String(value.value);
  if (s.trim() === '') {
    ctx.reporter.report('rro/empty-value', value, view.pointerOf('number'), { args: { name: 'number' } });
    return;
  }
  if (LATIN_A26.test(s)) {
    const edit =
      ctx.text[value.offset + 1] === 'A'
        ? { offset: value.offset + 1, length: 1, newText: 'А' }
        : replaceNode(value, 'А' + s.slice(1));
    ctx.reporter.report(
      'rro/number-latin-a',
      { offset: value.offset, length: value.length },
      view.pointerOf('number'),
      {
        args: { value: s },
        fixes: [fix('fix.cyrillicA', [edit], true)],
      },
    );
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
