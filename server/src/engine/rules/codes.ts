// Topic codes (§3.1; spec §5, §6) as the platforms take them: 4 digits, or the full dotted
// code (four groups, or five with «уточнение»). A full code is accepted with an info
// (`rro/code-full`: format 4.0 describes the 4-digit form). Excluded codes: a full code
// matches the §6 table exactly (a refinement by its question), a 4-digit code by its last
// four digits. With a classifier: a full code must be listed exactly, a 4-digit code must be
// the question number of at least one entry.
import { codeForm, questionCode, questionNumber } from '../../format/codes';
import { EXCLUDED_BY_SHORT_CODE, EXCLUDED_CODES, type ExcludedCode } from '../../format/table';
import type { JsonNode } from '../json';
import type { RuleContext } from './context';
import { fix, replaceNode } from './edits';

const EXCLUDED_BY_FULL_CODE: ReadonlyMap<string, ExcludedCode> = new Map(EXCLUDED_CODES.map((c) => [c.fullCode, c]));

/** Checks a code value (a string); returns it when its form is accepted, for the duplicate check. */
export function checkCodeValue(value: JsonNode, pointer: string, ctx: RuleContext): string | undefined {
  const code = String(value.value);
  const form = codeForm(code);
  if (!form) {
    ctx.reporter.report('rro/code-format', value, pointer, { args: { value: code } });
    return undefined;
  }
  if (form !== 'short') {
    const short = questionNumber(code);
    ctx.reporter.report('rro/code-full', value, pointer, {
      args: { value: code, expected: short },
      fixes: [fix('fix.shortCode', [replaceNode(value, short)], false, { value: short })],
    });
  }
  const excluded = form === 'short' ? EXCLUDED_BY_SHORT_CODE.get(code) : EXCLUDED_BY_FULL_CODE.get(questionCode(code));
  if (excluded)
    ctx.reporter.report('rro/code-excluded', value, pointer, {
      args: { code, fullCode: excluded.fullCode, name: excluded.name },
    });
  const classifier = ctx.options.classifier;
  if (classifier) {
    const hierarchical = (classifier.byFullCode?.size ?? 0) > 0;
    const known =
      form === 'short' || !hierarchical
        ? classifier.byShortCode.has(questionNumber(code))
        : classifier.byFullCode!.has(code);
    if (!known)
      ctx.reporter.report('rro/code-unknown', value, pointer, {
        variant: form !== 'short' && hierarchical ? 'full' : undefined,
        args: { code },
      });
  }
  return code;
}
