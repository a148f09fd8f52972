// The appeal object (§3.1; spec §4): root fields, the number rule of §3.3, the questions.
import { ROOT_FIELDS, FORMAT_VALUES } from '../../format/table';
import type { JsonNode } from '../json';
import { fieldTable, ObjectView, stringValue } from '../model';
import type { RuleContext } from './context';
import { checkDate, type DatedField } from './dates';
import { fix, replaceNode } from './edits';
import { checkPropertyNames, checkRequired, typedValue } from './fields';
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
  checkRequired(view, REQUIRED, ctx);
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
