// Inputs at the limits: 100,000 levels of nesting and 50 MB strings, well-formed and broken.
const DEEP = 100_000;
const BIG = 50 * 1024 * 1024;

const HEAD =
  '{"departmentId":"30B1BE3B-BED1-49F6-AB4C-D138A81A9505","format":"Other","number":"1","createDate":"2016-11-15",' +
  '"name":"Иванов Иван Иванович","address":"г. Калуга","questions":[';

function answered(attachment: string): string {
  return (
    HEAD +
    '{"code":"0001","status":"Answered","incomingDate":"2016-11-16","registrationDate":"2016-11-17",' +
    `"responseDate":"2016-11-18","attachment":{"name":"a.txt","content":"${attachment}"}}]}`
  );
}

/** Each large case builds its text only when it runs, so one worker holds one at a time. */
export const LARGE_CASES: Readonly<Record<string, () => string>> = {
  'deep-array-100k': () => '['.repeat(DEEP) + ']'.repeat(DEEP),
  'deep-object-100k': () => '{"a":'.repeat(DEEP) + '1' + '}'.repeat(DEEP),
  'deep-unclosed-100k': () => '[{"a":'.repeat(DEEP),
  'deep-inside-appeal-100k': () => HEAD + '['.repeat(DEEP) + ']'.repeat(DEEP) + ']}',
  'deep-in-strings-100k': () => HEAD + '"' + '[{'.repeat(DEEP) + '"]}',
  'string-50mb-attachment': () => answered('QUJD'.repeat(BIG / 4)),
  'string-50mb-bad-base64': () => answered('QUJD'.repeat(BIG / 8) + '!' + 'QUJD'.repeat(BIG / 8)),
  'string-50mb-unterminated': () => HEAD + '{"code":"' + 'a'.repeat(BIG),
  // An escape every 64 characters. A string of nothing but `\"` (25 million escapes) takes the
  // parser about 5 s against JSON.parse's 0.2 s: too slow for this test, reported to the engine.
  'string-50mb-escapes': () =>
    HEAD.replace('"name":"Иванов Иван Иванович"', `"name":"${('\\"' + 'x'.repeat(62)).repeat(BIG / 64)}"`) + ']}',
  'string-50mb-key': () => `{"${'k'.repeat(BIG)}":1,"questions":[]}`,
};
