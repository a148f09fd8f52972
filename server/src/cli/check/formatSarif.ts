// `--format sarif`: SARIF 2.1.0 for code scanning (GitHub, GitLab, Azure DevOps). Regions are
// 1-based with UTF-16 columns (the run says so); the JSON pointer rides along in properties,
// because a pointer says more than a line to someone fixing a generated payload.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES, type RuleInfo, type Severity } from '../../engine';
import { ARCHIVE_RULE, type CheckedFile } from '../../check/diagnostics';
import { escapeControl } from '../../util/safeText';

// The same published README the language server links to (lsp/diagnostics.ts): a SARIF file
// is viewed far from any checkout, so the link must be absolute.
const RULE_DOCS_BASE = 'https://github.com/rro-tools/rro-tools/blob/main/README.md#';
const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

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
            informationUri: RULE_DOCS_BASE.slice(0, -1),
            rules: rules.map((r) => ({
              id: r.id,
              name: ruleName(r.id),
              helpUri: RULE_DOCS_BASE + r.id.replace('/', '-'),
              defaultConfiguration: { level: LEVEL[r.severity] },
              properties: { section: r.section },
            })),
          },
        },
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
