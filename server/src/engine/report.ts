// Collects findings and settles each one's severity: configuration first, then the rule's
// own choice for this case, then the registry default.
import type { Span } from './json';
import { RULE_BY_ID } from './rules/registry';
import type { CheckOptions, Finding, Fix, MessageArgs, Severity } from './types';

export interface ReportOptions {
  /** Message variant: the key becomes `rule.variant`. */
  variant?: string;
  args?: MessageArgs;
  fixes?: Fix[];
  /** A severity the rule chooses for this case (e.g. attachments required). */
  severity?: Severity;
}

export class Reporter {
  readonly findings: Finding[] = [];

  constructor(private readonly options: CheckOptions) {}

  report(rule: string, span: Span, pointer: string, opts: ReportOptions = {}): void {
    const configured = this.options.severities?.[rule];
    if (configured === 'off') return;
    const info = RULE_BY_ID.get(rule);
    if (!info) throw new Error(`unregistered rule ${rule}`);
    const finding: Finding = {
      rule,
      severity: configured ?? opts.severity ?? info.severity,
      pointer,
      offset: span.offset,
      length: span.length,
      messageKey: opts.variant ? `${rule}.${opts.variant}` : rule,
    };
    if (opts.args) finding.args = opts.args;
    if (opts.fixes?.length) finding.fixes = opts.fixes;
    this.findings.push(finding);
  }
}
