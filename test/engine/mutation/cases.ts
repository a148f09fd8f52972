// One damaged document from (seed, index): the same pair always gives the same case, so a
// failure can be replayed alone (`node out/test/engine/mutation/replay.js <seed> <index>`).
import type { CheckOptions, Classifier } from '../../../server/src/engine';
import { appealText } from '../../bench/generate';
import { validFixtures, type Fixture } from '../../schema/fixtures';
import { flipBytes, mutateText, mutateValue, reencode } from './mutate';
import { Random } from './prng';

export interface DamagedCase {
  label: string;
  bytes: Uint8Array;
  /** The text, when the damage was done to text; absent when bytes were flipped. */
  text?: string;
  options: CheckOptions;
}

const CLASSIFIER: Classifier = {
  byShortCode: new Map([['0001', [{ fullCode: '0001.0001.0001.0001', name: 'Конституционный строй' }]]]),
  size: 1,
};

function options(rnd: Random): CheckOptions {
  return {
    today: rnd.pick(['2026-11-25', '2016-11-20', '2000-01-01']),
    expectRro: rnd.chance(0.5),
    attachmentsRequired: rnd.chance(0.3),
    classifier: rnd.chance(0.2) ? CLASSIFIER : undefined,
    severities: rnd.chance(0.1) ? { 'rro/date-future': 'off', 'rro/required': 'hint' } : undefined,
  };
}

/**
 * What gets damaged: the hand-written valid fixtures plus a few generated appeals (more
 * questions, .NET and ISO styles, CRLF), the same every run.
 */
export function seedDocuments(): Fixture[] {
  const rnd = new Random(1);
  const generated = Array.from({ length: 12 }, (_, n): Fixture => {
    const text = appealText(rnd, n, n % 4 === 0 ? 600 : 0);
    return { name: `generated-${n}`, bytes: Buffer.from(text, 'utf8'), text, value: JSON.parse(text) as unknown };
  });
  return [...validFixtures(), ...generated];
}

export function damagedCase(fixtures: readonly Fixture[], seed: number, index: number): DamagedCase {
  const rnd = new Random((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
  const fixture = rnd.pick(fixtures);
  const steps: string[] = [];
  let text = fixture.text;
  if (rnd.chance(0.35)) {
    text = mutateValue(fixture.value, rnd);
    steps.push('value');
  }
  for (let n = rnd.int(4); n > 0; n--) {
    text = mutateText(text, rnd);
    steps.push('text');
  }
  const opts = options(rnd);
  const label = `seed ${seed} case ${index} (${fixture.name}: ${steps.join('+') || 'none'}`;
  const bytes = rnd.next();
  if (bytes < 0.2) {
    return { label: label + '+bytes)', bytes: flipBytes(Buffer.from(text, 'utf8'), rnd), options: opts };
  }
  if (bytes < 0.3) {
    const saved = reencode(text, rnd);
    return { label: `${label}+${saved.encoding})`, bytes: saved.bytes, options: opts };
  }
  return { label: label + ')', bytes: Buffer.from(text, 'utf8'), text, options: opts };
}
