// Expands VS Code snippet bodies the way the editor does when the user accepts every default:
// `${1:default}` → default, `${1|a,b|}` → a, `$1`/`$0` → nothing, `$CURRENT_YEAR`… → today.
export function expandSnippet(body: readonly string[], now: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const vars: Record<string, string> = {
    CURRENT_YEAR: String(now.getFullYear()),
    CURRENT_MONTH: pad(now.getMonth() + 1),
    CURRENT_DATE: pad(now.getDate()),
  };
  const value = (whole: string, name: string): string => vars[name] ?? whole;
  const variables = (s: string): string => s.replace(/\$\{([A-Z_]+)\}/g, value).replace(/\$([A-Z_]+)/g, value);
  let text = body.join('\n');
  // Innermost first, so defaults that hold variables expand too.
  for (let guard = 0; guard < 50 && /\$\{\d+[:|]/.test(text); guard++) {
    text = text.replace(/\$\{\d+\|([^|}]*)\|\}/g, (_w, choices: string) => choices.split(',')[0]);
    text = text.replace(/\$\{\d+:([^${}]*)\}/g, (_w, def: string) => def);
    text = variables(text);
  }
  return variables(text)
    .replace(/\$\{\d+\}|\$\d+/g, '')
    .replace(/\t/g, '  ');
}
