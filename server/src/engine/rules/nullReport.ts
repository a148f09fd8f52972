// The no-appeals report (spec §7 — the layout is an assumption until format 6.0 §3.4):
// a department, a year and a month that has already ended.
import { NULL_REPORT_FIELDS } from '../../format/table';
import type { JsonNode } from '../json';
import { fieldTable, ObjectView } from '../model';
import type { RuleContext } from './context';
import { checkPropertyNames, checkRequired, typedValue } from './fields';
import { checkGuid } from './values';

const TABLE = fieldTable(NULL_REPORT_FIELDS);

export function checkNullReport(root: JsonNode, ctx: RuleContext): void {
  const { reporter, options } = ctx;
  const view = new ObjectView(root, TABLE);
  checkPropertyNames(view, reporter);
  checkRequired(view, NULL_REPORT_FIELDS, ctx);

  const dept = typedValue(view, 'departmentId', reporter);
  if (dept) checkGuid(dept, view, 'departmentId', 'departmentId', reporter);
  const year = typedValue(view, 'year', reporter);
  const month = typedValue(view, 'month', reporter);
  if (!month) return;
  const m = month.value as number;
  if (m < 1 || m > 12) {
    reporter.report('rro/null-report-month', month, view.pointerOf('month'), { args: { value: m } });
    return;
  }
  if (!year) return;
  const [ty, tm] = options.today.split('-').map(Number);
  const y = year.value as number;
  if (y * 12 + m >= ty * 12 + tm) {
    reporter.report('rro/null-report-period', month, view.pointerOf('month'), {
      args: { year: y, month: m, today: options.today },
    });
  }
}
