// Text that comes from outside (ZIP entry names, file names, a server's exceptionMessage,
// department names) is shown with its control characters escaped, so it cannot move the
// cursor, recolour the terminal, reorder a line (bidi overrides) or fake a report line.

// C0 controls (tab and line breaks included: a shown value is one line), DEL, C1 controls,
// and the bidirectional formatting characters.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function escapeOne(ch: string): string {
  const code = ch.charCodeAt(0);
  return code < 0x100 ? '\\x' + code.toString(16).padStart(2, '0') : '\\u' + code.toString(16).padStart(4, '0');
}

/** `text` with every control and bidi-formatting character written as `\xNN` / `\uNNNN`. */
export function escapeControl(text: string): string {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(text) ? text.replace(UNSAFE, escapeOne) : text;
}
