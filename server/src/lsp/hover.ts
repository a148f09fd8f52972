// Hover: a status (label, meaning, required fields, next statuses), a property name (what it
// is, its section), a topic code (classifier or §6 name), a department GUID, a date.
import { MarkupKind, type Hover } from 'vscode-languageserver/node';
import {
  EXCLUDED_BY_SHORT_CODE,
  FORMAT_LABELS,
  nextStatuses,
  shortCode,
  STATUS_BY_ID,
  type FieldSpec,
} from '../format/table';
import { folderPathOf, logOf, openRro, type OpenRro, type ServerContext } from './context';
import { longDate } from './dates';
import { fieldOf, requiredFields, statusSpec } from './fields';
import { locate, roleAt } from './locate';
import { resolveSettingPath } from './options';
import { runSafe } from './runSafe';

export function registerHover(ctx: ServerContext): void {
  ctx.connection.onHover((params, token) =>
    runSafe(logOf(ctx), 'hover', token, null, async () => {
      const open = await openRro(ctx, params.textDocument.uri);
      return open ? hoverAt(ctx, open, open.snapshot.lines.offset(params.position)) : null;
    }),
  );
}

async function hoverAt(ctx: ServerContext, open: OpenRro, offset: number): Promise<Hover | null> {
  const { snapshot } = open;
  const at = locate(open.root, offset);
  if (!at?.property || at.path.length === 0) return null;
  const name = String(at.path[at.path.length - 1]);
  const role = roleAt(open.kind, at.path.slice(0, -1));
  const field = fieldOf(role, name);
  if (!field) return null;
  const value = at.onKey ? fieldHover(ctx, field) : await valueHover(ctx, open, field, at.node.value);
  if (!value) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value },
    range: snapshot.lines.range(at.node.offset, at.node.length),
  };
}

/**
 * The section reference alone: the table may add a Russian remark in brackets (`4 (поздние
 * версии формата)`), which the optional-field line below says in the user's language.
 */
function sectionNumber(section: string): string {
  return section.replace(/\s*\([^)]*[\u0400-\u04ff][^)]*\)\s*$/, '');
}

function fieldHover(ctx: ServerContext, field: FieldSpec): string {
  const lines = [
    `**${field.name}** — ${ctx.text.pick(field.doc)}`,
    '',
    `_${ctx.text.t('lsp.hover.section', { section: sectionNumber(field.section) })}_`,
  ];
  if (field.optional) lines.push('', ctx.text.t('lsp.hover.optional'));
  return lines.join('\n');
}

async function valueHover(
  ctx: ServerContext,
  open: OpenRro,
  field: FieldSpec,
  value: unknown,
): Promise<string | undefined> {
  if (typeof value !== 'string') return undefined;
  if (field.name === 'status') return statusHover(ctx, value);
  if (field.name === 'format') {
    const label = FORMAT_LABELS[value as keyof typeof FORMAT_LABELS];
    return label ? `**${value}** — ${ctx.text.pick(label)}` : undefined;
  }
  if (field.name === 'code') return codeHover(ctx, open, value);
  if (field.type === 'guid') return departmentHover(ctx, open, value);
  if (field.type === 'date') {
    const long = longDate(value, ctx.text.lang);
    return long ? `${ctx.text.t('lsp.hover.date')}: **${long}**` : undefined;
  }
  return undefined;
}

function statusHover(ctx: ServerContext, value: string): string | undefined {
  const spec = statusSpec(value);
  if (!spec) return undefined;
  const t = ctx.text;
  const extra = requiredFields('question', spec).slice(2);
  const next = nextStatuses(spec.id).map((id) => `\`${id}\` (${t.pick(STATUS_BY_ID.get(id)!.label)})`);
  return [
    `**${t.pick(spec.label)}** (\`${spec.id}\`)`,
    '',
    t.pick(spec.meaning),
    '',
    `**${t.t('lsp.hover.requires')}:** ${extra.length ? extra.map((f) => `\`${f}\``).join(', ') : t.t('lsp.hover.requiresNone')}`,
    '',
    `**${t.t('lsp.hover.next')}:** ${next.length ? next.join(', ') : t.t('lsp.hover.nextNone')}`,
  ].join('\n');
}

function codeHover(ctx: ServerContext, open: OpenRro, value: string): string {
  const t = ctx.text;
  const code = value.includes('.') ? shortCode(value) : value;
  const lines = [`**${t.t('lsp.hover.code', { code })}**`];
  const classifier = open.options.classifier;
  const known = classifier?.byShortCode.get(code) ?? [];
  for (const entry of known) lines.push('', `\`${entry.fullCode}\` ${entry.name}`);
  const excluded = EXCLUDED_BY_SHORT_CODE.get(code);
  if (excluded && known.length === 0) lines.push('', `\`${excluded.fullCode}\` ${excluded.name}`);
  if (excluded) lines.push('', `⚠ ${t.t('lsp.hover.codeExcluded')}`);
  else if (classifier && known.length === 0) lines.push('', t.t('lsp.hover.codeUnknown'));
  else if (!classifier) {
    const file = resolveSettingPath(open.settings.classifierPath, folderPathOf(ctx, open.document.uri));
    const problem = ctx.options.classifierFailure(file);
    if (problem) lines.push('', `⚠ ${t.t('lsp.hover.codeClassifierFailed', { problem })}`);
    else lines.push('', `_${t.t('lsp.hover.codeNoClassifier')}_`);
  }
  return lines.join('\n');
}

async function departmentHover(ctx: ServerContext, open: OpenRro, id: string): Promise<string> {
  const file = resolveSettingPath(open.settings.departmentsPath, folderPathOf(ctx, open.document.uri));
  const name = await ctx.departments.name(id, file);
  return name ? `**${ctx.text.t('lsp.hover.department')}:** ${name}` : `_${ctx.text.t('lsp.hover.departmentUnknown')}_`;
}
