// Replay one case of the mutation test: `node out/test/engine/mutation/replay.js <seed> <index>`
// prints the damaged document (as JSON string), the options and the findings.
import { analyze, checkBytes, parseDocument } from '../../../server/src/engine';
import { damagedCase, seedDocuments } from './cases';
import { findingProblems } from './invariants';

const [seed, index] = process.argv.slice(2).map(Number);
if (!Number.isInteger(seed) || !Number.isInteger(index)) {
  console.error('usage: replay.js <seed> <index>');
  process.exit(2);
}
const c = damagedCase(seedDocuments(), seed, index);
console.log(c.label);
console.log('options', JSON.stringify(c.options));
if (c.text !== undefined) {
  console.log('text', JSON.stringify(c.text));
  const findings = analyze(parseDocument(c.text), c.options).findings;
  console.log('findings', JSON.stringify(findings));
  console.log('problems', findingProblems(findings, c.text));
} else {
  console.log('bytes', Buffer.from(c.bytes).toString('base64'));
  const r = checkBytes(c.bytes, c.options);
  console.log('findings', JSON.stringify(r.findings));
  console.log('problems', findingProblems(r.findings, r.text));
}
