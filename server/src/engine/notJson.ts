// A `*.json` file that is not JSON text at all: empty, XML saved under the wrong extension,
// binary data. In a folder such a file is an error (nothing hides in a folder: the importer
// would try it and fail), named for what it is rather than by the first syntax error.
export type NotJson = 'empty' | 'xml' | 'binary';

/** What the text is instead of JSON, when it is plainly not JSON; undefined otherwise. */
export function notJsonKind(text: string): NotJson | undefined {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const start = body.search(/\S/);
  if (start < 0) return 'empty';
  if (/[\u0000-\u0008\u000e-\u001a\ufffd]/.test(body.slice(0, 4096))) return 'binary';
  if (body[start] === '<') return 'xml';
  return undefined;
}
