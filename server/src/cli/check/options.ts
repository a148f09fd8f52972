// `rro check` arguments → typed options, parsed by `parseCommandArgs` like every command. Every
// mistake is a CliError (exit 2) naming the option and the value, in the user's language.
import { isCalendarDay, localDay, SEVERITIES, type Severity } from '../../engine';
import { message, type Lang } from '../../l10n/messages';
import { parseCommandArgs, type ArgsProblem } from '../args';
import { CliError } from '../io';
import { knownRule, type SeverityOverrides } from '../../check/diagnostics';

export type OutputFormat = 'text' | 'json' | 'sarif';
const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];

export interface CheckCommandOptions {
  paths: string[];
  format: OutputFormat;
  classifier?: string;
  severities: SeverityOverrides;
  quiet: boolean;
  today: string;
  attachmentsRequired: boolean;
  include?: string[];
  exclude: string[];
  help: boolean;
}

const OPTIONS = {
  format: { type: 'string' },
  classifier: { type: 'string' },
  rule: { type: 'string', multiple: true },
  today: { type: 'string' },
  include: { type: 'string', multiple: true },
  exclude: { type: 'string', multiple: true },
  quiet: { type: 'boolean', short: 'q' },
  'attachments-required': { type: 'boolean' },
} as const;

export function parseCheckArgs(args: readonly string[], lang: Lang, now: Date = new Date()): CheckCommandOptions {
  const fail = (key: string, a: Record<string, string> = {}): never => {
    throw new CliError(message(key, a, lang));
  };
  const { values, positionals } = parseCommandArgs([...args], OPTIONS, (problem) => parseProblem(problem, lang), true);
  if (values.format !== undefined && !FORMATS.includes(values.format as OutputFormat))
    fail('check.badFormat', { value: values.format });
  if (values.today !== undefined && !isCalendarDay(values.today)) fail('check.badToday', { value: values.today });
  const severities: Record<string, Severity | 'off'> = {};
  for (const spec of values.rule ?? []) {
    const [rule, severity] = parseRule(spec, fail);
    severities[rule] = severity;
  }
  const opts: CheckCommandOptions = {
    paths: positionals,
    format: (values.format as OutputFormat | undefined) ?? 'text',
    classifier: values.classifier,
    severities,
    quiet: values.quiet ?? false,
    today: values.today ?? localDay(now),
    attachmentsRequired: values['attachments-required'] ?? false,
    include: values.include,
    exclude: values.exclude ?? [],
    help: values.help ?? false,
  };
  if (opts.paths.length === 0 && !opts.help) fail('check.noPaths');
  return opts;
}

/** A parse mistake in the user's language, on one line. */
function parseProblem(problem: ArgsProblem, lang: Lang): string {
  if (problem.kind === 'missing-value') return message('check.missingValue', { option: problem.option }, lang);
  if (problem.kind === 'extra-argument') return message('check.unknownOption', { option: problem.value }, lang);
  return message('check.unknownOption', { option: problem.option }, lang);
}

function parseRule(spec: string, fail: (key: string, a?: Record<string, string>) => never): [string, Severity | 'off'] {
  const eq = spec.lastIndexOf('=');
  if (eq <= 0) return fail('check.badRule', { value: spec });
  // `required=off` is accepted as shorthand for `rro/required=off`.
  const rule = spec.slice(0, eq).includes('/') ? spec.slice(0, eq) : `rro/${spec.slice(0, eq)}`;
  const severity = spec.slice(eq + 1);
  if (!knownRule(rule)) return fail('check.unknownRule', { rule });
  if (severity !== 'off' && !SEVERITIES.includes(severity as Severity)) return fail('check.badRule', { value: spec });
  return [rule, severity as Severity | 'off'];
}
