// The transfer object (§3.2.7): the body the question went to (not the appeal's own), the
// date (not before registration) and the cover letter's number.
import { TRANSFER_FIELDS } from '../../format/table';
import type { JsonNode } from '../json';
import { ObjectView } from '../model';
import type { AppealFacts } from './appeal';
import type { RuleContext } from './context';
import { checkDate, checkOrder, type DatedField } from './dates';
import { checkPropertyNames, checkRequired, placeholder, typedValue } from './fields';
import { checkGuid } from './values';

const [DEPARTMENT, DATE, NUMBER] = TRANSFER_FIELDS;

export function checkTransfer(
  node: JsonNode,
  pointer: string,
  registration: DatedField | undefined,
  facts: AppealFacts,
  ctx: RuleContext,
): void {
  const { reporter } = ctx;
  const view = new ObjectView(node, pointer);
  checkPropertyNames(view, TRANSFER_FIELDS, reporter);
  checkRequired(view, TRANSFER_FIELDS, reporter, ctx.text, (s) => placeholder(s, ctx.options.today));

  const dept = typedValue(view.get('departmentId'), DEPARTMENT, reporter);
  const deptPointer = view.pointerOf('departmentId');
  if (dept && checkGuid(dept, deptPointer, 'transfer.departmentId', reporter) && facts.departmentId) {
    if (String(dept.value).toLowerCase() === facts.departmentId.toLowerCase()) {
      reporter.report('rro/transfer-same-department', dept, deptPointer);
    }
  }

  const date = typedValue(view.get('transferDate'), DATE, reporter);
  if (date) {
    const datePointer = view.pointerOf('transferDate');
    const day = checkDate(date, datePointer, 'transferDate', reporter, ctx.options.today);
    checkOrder([registration, { name: 'transferDate', pointer: datePointer, node: date, day }], reporter);
  }

  const number = typedValue(view.get('transferNumber'), NUMBER, reporter);
  if (number && String(number.value).trim() === '') {
    reporter.report('rro/empty-value', number, view.pointerOf('transferNumber'), { args: { name: 'transferNumber' } });
  }
}
