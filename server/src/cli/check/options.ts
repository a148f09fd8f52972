// `rro check` arguments → typed options. Every mistake is a CliError (exit 2) naming the
// option and the value, in the user's language.
import { isCalendarDay, localDay, SEVERITIES, type Severity } from '../../engine';
import { message, type Lang } from '../../l10n/messages';
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

const WITH_VALUE = new Set(['--format', '--classifier', '--rule', '--today', '--include', '--exclude']);

export function parseCheckArgs(args: readonly string[], lang: Lang, now: Date = new Date()): CheckCommandOptions {
  const fail = (key: string, a: Record<string, string> = {}): never => {
    throw new CliError(message(key, a, lang));
  };
  const opts: CheckCommandOptions = {
    paths: [],
    format: 'text',
    severities: {},
    quiet: false,
    today: localDay(now),
    attachmentsRequired: false,
    exclude: [],
    help: false,
  };
  const severities: Record<string, Severity | 'off'> = {};
  let onlyPaths = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (onlyPaths || !arg.startsWith('-') || arg === '-') {
      opts.paths.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPaths = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    let value: string | undefined;
    if (WITH_VALUE.has(name)) {
      value = eq > 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined) fail('check.missingValue', { option: name });
    } else if (eq > 0) fail('check.unknownOption', { option: arg });
    const v = value as string;
    switch (name) {
      case '--format':
        if (!FORMATS.includes(v as OutputFormat)) fail('check.badFormat', { value: v });
        opts.format = v as OutputFormat;
        break;
      case '--classifier':
        opts.classifier = v;
        break;
      case '--rule': {
        const [rule, severity] = parseRule(v, fail);
        severities[rule] = severity;
        break;
      }
      case '--today':
        if (!isCalendarDay(v)) fail('check.badToday', { value: v });
        opts.today = v;
        break;
      case '--include':
        (opts.include ??= []).push(v);
        break;
      case '--exclude':
        opts.exclude.push(v);
        break;
      case '--quiet':
      case '-q':
        opts.quiet = true;
        break;
      case '--attachments-required':
        opts.attachmentsRequired = true;
        break;
      case '--help':
      case '-h':
        opts.help = true;
        break;
      default:
        fail('check.unknownOption', { option: arg });
    }
  }
  opts.severities = severities;
  if (opts.paths.length === 0 && !opts.help) fail('check.noPaths');
  return opts;
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
