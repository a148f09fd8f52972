// `--format sarif`: SARIF 2.1.0 for code scanning (GitHub, GitLab, Azure DevOps). Regions are
// 1-based with UTF-16 columns (the run says so); the JSON pointer rides along in properties,
// because a pointer says more than a line to someone fixing a generated payload. Each rule
// carries its short and full description and help in the user's language (l10n/sarif.*.json),
// the tool its version; the output is validated against the OASIS schema in the tests.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES, type RuleInfo, type Severity } from '../../engine';
import type { Lang } from '../../l10n/messages';
import sarifEn from '../../../../l10n/sarif.en.json';
import sarifRu from '../../../../l10n/sarif.ru.json';
import { VERSION } from '../version';
import { ARCHIVE_RULE, type CheckedFile } from '../../check/diagnostics';
import { escapeControl } from '../../util/safeText';

// The published project and README the language server links to (lsp/diagnostics.ts): a SARIF
// file is viewed far from any checkout, so the links must be absolute.
const HOMEPAGE = 'https://github.com/rro-tools/rro-tools';
const RULE_DOCS_BASE = `${HOMEPAGE}/blob/main/README.md#`;
const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const TEXTS: Readonly<Record<Lang, Readonly<Record<string, string>>>> = { en: sarifEn, ru: sarifRu };

type SarifLevel = 'error' | 'warning' | 'note';
const LEVEL: Readonly<Record<Severity, SarifLevel>> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  hint: 'note',
};

export interface SarifContext {
  /** The folder relative paths are relative to (SARIF's SRCROOT). */
  cwd: string;
  /** Language of the rule descriptions (the results' messages come translated already). */
  lang: Lang;
}

/** A rule's text in `lang`, else English, else its id (a rule added without texts still gets valid SARIF). */
export function ruleText(id: string, part: 'short' | 'full', lang: Lang): string {
  const key = `${id}.${part}`;
  return TEXTS[lang][key] ?? TEXTS.en[key] ?? id;
}

function say(key: string, args: Record<string, string>, lang: Lang): string {
  return (TEXTS[lang][key] ?? TEXTS.en[key]).replace(/\{(\w+)\}/g, (_, name: string) => args[name] ?? '');
}

function sarifRule(r: RuleInfo, lang: Lang): Record<string, unknown> {
  const helpUri = RULE_DOCS_BASE + r.id.replace('/', '-');
  const full = ruleText(r.id, 'full', lang);
  const source = say('sarif.source', { section: r.section }, lang);
  const more = say('sarif.more', { url: helpUri }, lang);
  return {
    id: r.id,
    name: ruleName(r.id),
    shortDescription: { text: ruleText(r.id, 'short', lang) },
    fullDescription: { text: full },
    help: { text: `${full} ${source} ${more}`, markdown: `${full} ${source} [${r.id}](${helpUri})` },
    helpUri,
    defaultConfiguration: { level: LEVEL[r.severity] },
    properties: { section: r.section, severity: r.severity },
  };
}

export function formatSarif(files: readonly CheckedFile[], ctx: SarifContext): string {
  const rules: RuleInfo[] = [...RULES, ARCHIVE_RULE];
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results = files.flatMap((f) =>
    f.diagnostics.map((d) => ({
      ruleId: d.rule,
      ruleIndex: ruleIndex.get(d.rule) ?? -1,
      level: LEVEL[d.severity],
      message: { text: escapeControl(d.message) }, // names from outside, shown escaped
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactLocation(f.path),
            region: {
              startLine: d.range.start.line + 1,
              startColumn: d.range.start.character + 1,
              endLine: d.range.end.line + 1,
              endColumn: d.range.end.character + 1,
            },
          },
        },
      ],
      properties: { pointer: d.pointer, severity: d.severity },
    })),
  );
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'rro',
            fullName: `rro-tools ${VERSION}`,
            version: VERSION,
            semanticVersion: VERSION,
            informationUri: HOMEPAGE,
            language: ctx.lang,
            rules: rules.map((r) => sarifRule(r, ctx.lang)),
          },
        },
        language: ctx.lang,
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(ctx.cwd + path.sep).href } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

/** Relative paths stay relative to the working folder (SRCROOT); `a.zip!/x.json` keeps its `!`. */
function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  const slashed = file.split(path.sep).join('/');
  if (path.isAbsolute(file)) return { uri: pathToFileURL(file).href };
  return { uri: slashed.split('/').map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' };
}

/** `rro/date-order` → `DateOrder`: SARIF's human-readable rule name. */
function ruleName(id: string): string {
  return id
    .slice(id.indexOf('/') + 1)
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}
