import type { Reporter } from '../report';
import type { CheckOptions } from '../types';

/** What the content rules work with: where to report, the text (for fixes), the options. */
export interface RuleContext {
  reporter: Reporter;
  text: string;
  options: CheckOptions;
}
