// `rro/attachmentEdit`: the edit «Прикрепить файл…» applies — the question's `attachment`
// becomes `{name, content}` (replaced when present, appended to the question otherwise).
import type { WorkspaceEdit } from 'vscode-languageserver/node';
import type { JsonNode } from '../engine';
import { boundProperty, parsePointer } from '../engine/pointer';
import { appendProperties } from '../engine/rules/edits';
import { logOf, openRro, type ServerContext } from './context';
import { nodeAtPath } from './locate';
import { ATTACHMENT_EDIT, type AttachmentEditParams } from './protocol';
import { runSafe } from './runSafe';

function pathOf(root: JsonNode, pointer: string): (string | number)[] {
  const out: (string | number)[] = [];
  let node: JsonNode | undefined = root;
  for (const seg of parsePointer(pointer)) {
    const index = node?.type === 'array' && /^\d+$/.test(seg) ? Number(seg) : seg;
    out.push(index);
    node = nodeAtPath(node, [index]);
  }
  return out;
}

export function registerAttachmentEdit(ctx: ServerContext): void {
  ctx.connection.onRequest(ATTACHMENT_EDIT, (params: AttachmentEditParams, token) =>
    runSafe(logOf(ctx), 'attachmentEdit', token, null, () => attachmentEdit(ctx, params)),
  );
}

async function attachmentEdit(ctx: ServerContext, params: AttachmentEditParams): Promise<WorkspaceEdit | null> {
  const open = await openRro(ctx, params.uri);
  const root = open?.root;
  if (!open || !root) return null;
  const question = nodeAtPath(root, pathOf(root, params.pointer));
  if (question?.type !== 'object') return null;
  const value = { name: params.name, content: params.contentBase64 };
  const existing = boundProperty(question, 'attachment');
  const target = existing?.children?.[1];
  const edit = target
    ? { offset: target.offset, length: target.length, newText: JSON.stringify(value) }
    : appendProperties(open.snapshot.text, question, [['attachment', value]]);
  const lines = open.snapshot.lines;
  return {
    changes: { [open.document.uri]: [{ range: lines.range(edit.offset, edit.length), newText: edit.newText }] },
  };
}
