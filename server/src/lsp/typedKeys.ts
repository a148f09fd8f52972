// The keys an object has in the text, read straight from it. While a key is being typed the
// parser's recovery drops the property after the half-typed one (`""⏎ "departmentId": …`
// loses `departmentId`), and completion would offer it again: a duplicate key.
/** Lower-cased keys at the top level of the object whose `{` is at `open`. */
export function typedKeys(text: string, open: number): Set<string> {
  const keys = new Set<string>();
  let depth = 0;
  for (let i = open + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      const end = stringEnd(text, i);
      if (depth === 0) {
        let j = end;
        while (j < text.length && /\s/.test(text[j])) j++;
        if (text[j] === ':') keys.add(text.slice(i + 1, end - 1).toLowerCase());
      }
      i = end - 1;
    } else if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) {
      if (depth === 0) break;
      depth--;
    }
  }
  return keys;
}

/** The offset after a string's closing quote (or the end of its line when it has none). */
function stringEnd(text: string, start: number): number {
  let q = start;
  for (;;) {
    q = text.indexOf('"', q + 1);
    if (q < 0) q = text.length;
    let slashes = 0;
    while (q < text.length && text.charCodeAt(q - 1 - slashes) === 92) slashes++;
    if (slashes % 2 === 0) break;
  }
  // Only the string's own characters are searched for a line break: linear in the text.
  const eol = text.slice(start, q).indexOf('\n');
  return eol >= 0 ? start + eol : Math.min(q + 1, text.length);
}
