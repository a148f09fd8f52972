// The transfer object (§3.2.7): the body the question went to (not the appeal's own), the
// date (not before registration) and the cover letter's number.
import { TRANSFER_FIELDS } from '../../format/table';
import type { ObjectView } from '../model';
import type { AppealFacts } from './appeal';
import type { RuleContext } from './context';
import { checkDate, checkOrder, type DatedField } from './dates';
import { checkPropertyNames, checkRequired, typedValue } from './fields';
import { checkGuid } from './values';

/** `view`: the transfer object, bound to the transfer fields. */
export function checkTransfer(
  view: ObjectView,
  registration: DatedField | undefined,
  facts: AppealFacts,
  ctx: RuleContext,
): void {
  const { reporter } = ctx;
  checkPropertyNames(view, reporter);
  checkRequired(view, TRANSFER_FIELDS, ctx);

  const dept = typedValue(view, 'departmentId', reporter);
  if (dept && checkGuid(dept, view, 'departmentId', 'transfer.departmentId', reporter) && facts.departmentId) {
    if (String(dept.value).toLowerCase() === facts.departmentId.toLowerCase()) {
      reporter.report('rro/transfer-same-department', dept, view.pointerOf('departmentId'));
    }
  }

  const date = typedValue(view, 'transferDate', reporter);
  if (date) {
    const day = checkDate(date, view, 'transferDate', reporter, ctx.options.today);
    checkOrder([registration, { name: 'transferDate', view, node: date, day }], reporter);
  }

  const number = typedValue(view, 'transferNumber', reporter);
  if (number && String(number.value).trim() === '') {
    reporter.report('rro/empty-value', number, view.pointerOf('transferNumber'), { args: { name: 'transferNumber' } });
  }
}
