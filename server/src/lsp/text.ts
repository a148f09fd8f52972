// The server's sentences in the user's language: the client passes its locale (and the
// messages it ships for it); without them the built-in bundles of l10n/messages.ts serve.
import { bundleFor, format, resolveLang, type Bundle, type Lang } from '../l10n/messages';
import type { MessageArgs } from '../engine/types';
import type { Text } from '../format/table';

export class ServerText {
  readonly lang: Lang;
  private readonly bundle: Bundle;

  constructor(locale: string | undefined, overrides?: Record<string, string>) {
    this.lang = resolveLang(locale ?? '', locale ? {} : process.env);
    this.bundle = overrides ? { ...bundleFor(this.lang), ...overrides } : bundleFor(this.lang);
  }

  t(key: string, args?: MessageArgs): string {
    return format(key, args, this.bundle);
  }

  /** A bilingual text of the format table, in this language. */
  pick(text: Text): string {
    return text[this.lang];
  }
}
