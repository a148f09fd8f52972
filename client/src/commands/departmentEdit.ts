// Where «Найти орган» puts a GUID: it replaces the value of the `departmentId` of the innermost
// object around the cursor that has one (the appeal's or a question's `transfer`), inserts the
// property into the innermost appeal or `transfer` object that lacks it, and gives up (undefined)
// outside any object — the caller then copies the GUID. Edits come from jsonc-parser's `modify`,
// so the result is always valid JSON with the document's own indentation.
import { findNodeAtOffset, modify, parseTree, type Edit, type Node } from 'jsonc-parser';

export interface DepartmentPlacement {
  /** `replace`: an existing value changed; `insert`: the property added. */
  kind: 'replace' | 'insert';
  /** JSON path of the `departmentId` written, e.g. `["questions", 0, "transfer", "departmentId"]`. */
  path: (string | number)[];
  edits: Edit[];
}

export interface Indentation {
  tabSize: number;
  insertSpaces: boolean;
  eol: string;
}

function pathOf(node: Node): (string | number)[] {
  const out: (string | number)[] = [];
  let child = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === 'property') out.unshift(String(parent.children?.[0]?.value));
    else if (parent.type === 'array') out.unshift(parent.children?.indexOf(child) ?? 0);
  }
  return out;
}

function propertyOf(object: Node, name: string): Node | undefined {
  return object.children?.find((p) => p.children?.[0]?.value === name);
}

/** An object where `departmentId` belongs: the document's root or a `transfer` value. */
function takesDepartment(object: Node): boolean {
  if (!object.parent) return true;
  const owner = object.parent;
  return owner.type === 'property' && owner.children?.[0]?.value === 'transfer';
}

export function placeDepartment(
  text: string,
  offset: number,
  id: string,
  indentation: Indentation,
): DepartmentPlacement | undefined {
  const root = parseTree(text);
  if (!root || root.type !== 'object') return undefined;
  // outside the root's braces is outside any object
  if (offset <= root.offset || offset >= root.offset + root.length) return undefined;
  const options = { formattingOptions: indentation };
  let node: Node | undefined = findNodeAtOffset(root, offset, true) ?? root;
  for (; node; node = node.parent) {
    if (node.type !== 'object') continue;
    const existing = propertyOf(node, 'departmentId');
    if (existing || takesDepartment(node)) {
      const path = [...pathOf(node), 'departmentId'];
      return { kind: existing ? 'replace' : 'insert', path, edits: modify(text, path, id, options) };
    }
  }
  return undefined;
}
