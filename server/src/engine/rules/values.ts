// Value forms shared by several fields: GUIDs and enum values.
import { GUID } from '../../format/patterns';
import type { JsonNode } from '../json';
import type { ObjectView } from '../model';
import type { Reporter } from '../report';
import { fix, replaceNode } from './edits';
import { caseMatch, closest } from './suggest';

/** `view.field` holds `value`; its pointer is made only for a finding. */
export function checkGuid(value: JsonNode, view: ObjectView, field: string, name: string, reporter: Reporter): boolean {
  const s = String(value.value);
  if (GUID.test(s)) return true;
  const braced = /^\{(.*)\}$/.exec(s);
  const fixes =
    braced && GUID.test(braced[1])
      ? [fix('fix.replaceWith', [replaceNode(value, braced[1])], true, { value: braced[1] })]
      : undefined;
  reporter.report('rro/guid', value, view.pointerOf(field), {
    variant: s === '' ? 'empty' : undefined,
    args: { name, value: s },
    fixes,
  });
  return false;
}

/**
 * An enum value: exact, or a finding with the likely intended value — letter case,
 * a known alias (`NotRecieved`), or a near spelling.
 */
export function checkEnum(
  rule: string,
  value: JsonNode,
  view: ObjectView,
  field: string,
  allowed: readonly string[],
  aliases: Readonly<Record<string, string>>,
  reporter: Reporter,
): string | undefined {
  const s = String(value.value);
  if (allowed.includes(s)) return s;
  const squeezed = s.replace(/\s+/g, '');
  const alias =
    aliases[s] ??
    aliases[squeezed] ??
    Object.entries(aliases).find(([k]) => k.toLowerCase() === squeezed.toLowerCase())?.[1];
  const cased = caseMatch(squeezed, allowed);
  const near = alias ?? cased ?? closest(s, allowed, 3);
  const safe = alias !== undefined || cased !== undefined;
  reporter.report(rule, value, view.pointerOf(field), {
    variant: near ? 'suggest' : undefined,
    args: near ? { value: s, expected: near, allowed: allowed.join(', ') } : { value: s, allowed: allowed.join(', ') },
    fixes: near ? [fix('fix.replaceWith', [replaceNode(value, near)], safe, { value: near })] : undefined,
  });
  return undefined;
}
