// Value patterns of the format (§3.1), written once: every rule, prompt and validator that
// needs to know what a department id looks like reads it here.

/** A GUID as `departmentId` carries it (§3.1): 8-4-4-4-12 hex digits, any letter case, no braces. */
export const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export function isGuid(text: string): boolean {
  return GUID.test(text);
}
