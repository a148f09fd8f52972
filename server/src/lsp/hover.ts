// Hover: a status (label, meaning, required fields, next statuses), a property name (what it
// is, its section), a topic code (classifier or §6 name), a department GUID, a date.
import { MarkupKind, type Hover } from 'vscode-languageserver/node';
import { codeForm, questionCode, questionNumber } from '../format/codes';
import {
  EXCLUDED_BY_SHORT_CODE,
  EXCLUDED_CODES,
  FORMAT_LABELS,
  nextStatuses,
  STATUS_BY_ID,
  type FieldSpec,
} from '../format/table';
import { folderPathOf, logOf, openRro, type OpenRro, type ServerContext } from './context';
import { longDate } from './dates';
import { fieldOf, requiredFields, statusSpec } from './fields';
import { locate, roleAt } from './locate';
import { isDirectLines, meaningUnderIsDirect } from './isDirectHover';
import { resolveSettingPath } from './options';
import { runSafe } from './runSafe';

const EXCLUDED_BY_FULL = new Map(EXCLUDED_CODES.map((c) => [c.fullCode, c]));

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
  const value = at.onKey ? fieldHover(ctx, field, open) : await valueHover(ctx, open, field, at.node.value);
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

function fieldHover(ctx: ServerContext, field: FieldSpec, open: OpenRro): string {
  const lines = [
    `**${field.name}** — ${ctx.text.pick(field.doc)}`,
    '',
    `_${ctx.text.t('lsp.hover.section', { section: sectionNumber(field.section) })}_`,
  ];
  if (field.optional) lines.push('', ctx.text.t('lsp.hover.optional'));
  if (field.name === 'isDirect') for (const l of isDirectLines(ctx.text, undefined)) lines.push('', l);
  const meaning = meaningUnderIsDirect(ctx.text, open.snapshot.doc.root, field.name);
  if (meaning) lines.push('', meaning);
  return lines.join('\n');
}

async function valueHover(
  ctx: ServerContext,
  open: OpenRro,
  field: FieldSpec,
  value: unknown,
): Promise<string | undefined> {
  if (field.name === 'isDirect' && typeof value === 'boolean') return isDirectLines(ctx.text, value).join('\n');
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

/**
 * A 4-digit code: every full code it may stand for (with names); a full code: its own entry,
 * which must exist exactly. The §6 table is matched as the rules match it.
 */
function codeHover(ctx: ServerContext, open: OpenRro, value: string): string {
  const t = ctx.text;
  const form = codeForm(value);
  const code = form ? questionNumber(value) : value;
  const lines = [`**${t.t('lsp.hover.code', { code: form && form !== 'short' ? value : code })}**`];
  const classifier = open.options.classifier;
  const hierarchical = (classifier?.byFullCode?.size ?? 0) > 0;
  let known: readonly { fullCode: string; name: string }[];
  if (form && form !== 'short' && hierarchical) {
    const name = classifier!.byFullCode!.get(value);
    known = name === undefined ? [] : [{ fullCode: value, name }];
    const question = classifier!.byFullCode!.get(questionCode(value));
    if (form === 'refined' && question !== undefined) lines.push('', `\`${questionCode(value)}\` ${question}`);
  } else known = classifier?.byShortCode.get(code) ?? [];
  if (form === 'short' && known.length > 1) lines.push('', t.t('lsp.hover.codeStandsFor', { count: known.length }));
  for (const entry of known) lines.push('', `\`${entry.fullCode}\` ${entry.name}`);
  if (form && form !== 'short') lines.push('', t.t('lsp.hover.codeFull', { code }));
  const excluded =
    form === 'short' || !form ? EXCLUDED_BY_SHORT_CODE.get(code) : EXCLUDED_BY_FULL.get(questionCode(value));
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
