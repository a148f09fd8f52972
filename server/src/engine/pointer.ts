// RFC 6901 JSON pointers.

function escape(segment: string | number): string {
  const s = String(segment);
  // Most segments need no escaping; skip the regexes then (this runs per property).
  return s.includes('~') || s.includes('/') ? s.replace(/~/g, '~0').replace(/\//g, '~1') : s;
}

export function pointerOf(...segments: (string | number)[]): string {
  let out = '';
  for (const s of segments) out += '/' + escape(s);
  return out;
}

export function childPointer(base: string, segment: string | number): string {
  return base + '/' + escape(segment);
}

export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}
