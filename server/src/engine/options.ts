// The one options builder: what a front door knows (a day, a classifier, severities from
// `--rule` or `rro.rules`, attachments required) becomes the engine's `CheckOptions`. The CLI's
// check, pack and send, the language server and the client build their options here, so a new
// option is added in one place.
import { localDay } from './calendar';
import type { CheckOptions, Classifier, Severity } from './types';

export interface CheckOptionsInput {
  /** `YYYY-MM-DD`; the local calendar day of now when absent. */
  today?: string;
  classifier?: Classifier;
  /** Severity per rule id (`--rule`, `rro.rules`). */
  severities?: Readonly<Record<string, Severity | 'off'>>;
  attachmentsRequired?: boolean;
  /** Now, for the default `today` (tests pass a fixed one). */
  now?: Date;
}

export function buildCheckOptions(input: CheckOptionsInput = {}): CheckOptions {
  const options: CheckOptions = { today: input.today ?? localDay(input.now ?? new Date()) };
  if (input.classifier) options.classifier = input.classifier;
  if (input.severities) options.severities = input.severities;
  if (input.attachmentsRequired) options.attachmentsRequired = true;
  return options;
}
