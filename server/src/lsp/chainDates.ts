// Which day a new date should get so the order of §3.2 still holds: createDate ≤ incomingDate
// ≤ registrationDate ≤ responseDate. The nearest earlier date of the chain that is written,
// else the nearest later one; today only when the chain has no date at all.
import { DATE_CHAIN } from '../format/table';
import type { JsonNode } from '../engine';
import { calendarDay } from './dates';
import { nodeAtPath } from './locate';

function dayOf(node: JsonNode | undefined): string | undefined {
  return typeof node?.value === 'string' && calendarDay(node.value) ? node.value.slice(0, 10) : undefined;
}

/** The days of the chain for one question (createDate from the root). */
function chainOf(root: JsonNode | undefined, questionPath: readonly (string | number)[]): (string | undefined)[] {
  return DATE_CHAIN.map((name, i) => dayOf(nodeAtPath(root, i === 0 ? [name] : [...questionPath, name])));
}

/**
 * The day for `name` in the object at `objectPath` (the root or a question), or undefined when
 * `name` is no date of the chain or the chain is empty.
 */
export function chainDay(
  root: JsonNode | undefined,
  objectPath: readonly (string | number)[],
  name: string,
): string | undefined {
  const at = (DATE_CHAIN as readonly string[]).indexOf(name);
  if (at < 0) return undefined;
  if (at === 0) {
    // createDate comes first: the earliest date any question has.
    const questions = nodeAtPath(root, ['questions']);
    const days = (questions?.children ?? []).flatMap((_q, i) => chainOf(root, ['questions', i]).slice(1));
    return days.filter((d): d is string => d !== undefined).sort()[0];
  }
  const chain = chainOf(root, objectPath);
  for (let i = at - 1; i >= 0; i--) if (chain[i]) return chain[i];
  for (let i = at + 1; i < chain.length; i++) if (chain[i]) return chain[i];
  return undefined;
}

/** True when `day` for `name` would stand out of order with a date of the chain that is written. */
export function breaksOrder(
  root: JsonNode | undefined,
  objectPath: readonly (string | number)[],
  name: string,
  day: string,
): boolean {
  const at = (DATE_CHAIN as readonly string[]).indexOf(name);
  if (at < 0) return false;
  if (at === 0) {
    const first = chainDay(root, objectPath, name);
    return first !== undefined && day > first;
  }
  const chain = chainOf(root, objectPath);
  // A transfer comes after the registration: its date bounds the dates up to that one.
  const transfer = at <= 2 ? dayOf(nodeAtPath(root, [...objectPath, 'transfer', 'transferDate'])) : undefined;
  if (transfer !== undefined && transfer < day) return true;
  return chain.some((d, i) => d !== undefined && (i < at ? d > day : i > at && d < day));
}
