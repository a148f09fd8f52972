// Inlay hints: what a raw payload means, shown after the value — the status's label
// («Дан ответ»), the department's name after a known GUID, and after an attachment's
// `content` its file name and decoded size («Ответ.pdf, 5,3 МБ»). Read-only: no edits.
import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver/node';
import type { JsonNode } from '../engine';
import { STATUS_BY_ID } from '../format/table';
import { escapeControl } from '../util/safeText';
import { folderPathOf, type OpenRro, type ServerContext } from './context';
import { statusSpec } from './fields';
import { nodeAtPath } from './locate';
import { resolveSettingPath } from './options';
import type { ServerText } from './text';

/** Bytes a Base64 text decodes to (whitespace skipped, as .NET does). */
export function decodedSize(base64: string): number {
  let length = base64.length;
  if (/\s/.test(base64.slice(0, 100)) || /\s/.test(base64.slice(-100))) length = base64.replace(/\s+/g, '').length;
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((length * 3) / 4) - padding);
}

/** `5,3 МБ` / `5.3 MB`: sizes in the user's language and number format. */
export function sizeText(bytes: number, text: ServerText): string {
  const locale = text.lang === 'ru' ? 'ru-RU' : 'en-US';
  const [value, unit] =
    bytes < 1024
      ? [bytes, 'lsp.size.bytes']
      : bytes < 1024 * 1024
        ? [bytes / 1024, 'lsp.size.kb']
        : [bytes / 1024 / 1024, 'lsp.size.mb'];
  const digits = bytes < 1024 ? 0 : 1;
  const number = value.toLocaleString(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return text.t(unit, { size: number });
}

function overlaps(node: JsonNode, start: number, end: number): boolean {
  return node.offset <= end && start <= node.offset + node.length;
}

export async function inlayHints(ctx: ServerContext, open: OpenRro, range: Range): Promise<InlayHint[]> {
  const { root } = open;
  const lines = open.snapshot.lines;
  const start = lines.offset(range.start);
  const end = lines.offset(range.end);
  const hints: InlayHint[] = [];
  const after = (node: JsonNode | undefined, label: string): void => {
    if (!node || !overlaps(node, start, end)) return;
    hints.push({
      position: lines.position(node.offset + node.length),
      label: escapeControl(label),
      kind: InlayHintKind.Type,
      paddingLeft: true,
    });
  };
  const file = resolveSettingPath(open.settings.departmentsPath, folderPathOf(ctx, open.document.uri));
  const department = async (node: JsonNode | undefined): Promise<void> => {
    if (typeof node?.value !== 'string' || !overlaps(node, start, end)) return;
    const name = await ctx.departments.name(node.value, file);
    if (name) after(node, name);
  };
  await department(nodeAtPath(root, ['departmentId']));
  if (open.kind !== 'appeal') return hints;
  const questions = nodeAtPath(root, ['questions']);
  for (const [i, question] of (questions?.type === 'array' ? (questions.children ?? []) : []).entries()) {
    if (!overlaps(question, start, end)) continue;
    const status = nodeAtPath(root, ['questions', i, 'status']);
    const spec = typeof status?.value === 'string' ? statusSpec(status.value) : undefined;
    if (spec) after(status, ctx.text.pick(STATUS_BY_ID.get(spec.id)!.label));
    await department(nodeAtPath(root, ['questions', i, 'transfer', 'departmentId']));
    const content = nodeAtPath(root, ['questions', i, 'attachment', 'content']);
    if (typeof content?.value === 'string' && content.value.length > 0) {
      const name = nodeAtPath(root, ['questions', i, 'attachment', 'name']);
      const size = sizeText(decodedSize(content.value), ctx.text);
      after(content, typeof name?.value === 'string' && name.value ? `${name.value}, ${size}` : size);
    }
  }
  return hints;
}
