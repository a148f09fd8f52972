// User-facing text of everything that runs without VS Code (engine, CLI, language server).
// Each area keeps its messages in its own pair of bundles, `l10n/<area>.en.json` and
// `l10n/<area>.ru.json`, keyed by rule id (`rro/required`), `rule.variant` or `area.key`;
// arguments are named `{name}` placeholders, the format @vscode/l10n uses too. We format them
// here rather than through @vscode/l10n: the CLI, the server and the emulator share one code
// path without a process-wide configured bundle, and `rule.variant` keys fall back to `rule`.
// (`l10n/bundle.l10n.ru.json` is the VS Code client's own bundle, keyed by English text.)
import engineEn from '../../../l10n/engine.en.json';
import engineRu from '../../../l10n/engine.ru.json';
import cliEn from '../../../l10n/cli.en.json';
import cliRu from '../../../l10n/cli.ru.json';
import checkEn from '../../../l10n/check.en.json';
import checkRu from '../../../l10n/check.ru.json';
import packEn from '../../../l10n/pack.en.json';
import packRu from '../../../l10n/pack.ru.json';
import lspEn from '../../../l10n/lsp.en.json';
import lspRu from '../../../l10n/lsp.ru.json';
import sendEn from '../../../l10n/send.en.json';
import sendRu from '../../../l10n/send.ru.json';

const en: Bundle = { ...engineEn, ...cliEn, ...checkEn, ...packEn, ...lspEn, ...sendEn };
const ru: Bundle = { ...engineRu, ...cliRu, ...checkRu, ...packRu, ...lspRu, ...sendRu };

export type Lang = 'ru' | 'en';
export type Bundle = Readonly<Record<string, string>>;

const BUNDLES: Readonly<Record<Lang, Bundle>> = { en, ru };

/** `--lang` first, then the usual locale variables; Russian for any `ru*` locale. */
export function resolveLang(flag?: string, env: NodeJS.ProcessEnv = process.env): Lang {
  const locale = flag ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? '';
  return locale.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

export function bundleFor(lang: Lang): Bundle {
  return BUNDLES[lang];
}

/**
 * Look `key` up in `bundle` (then English; a `rule.variant` key falls back to `rule`), and
 * fill its `{placeholders}`.
 */
export function format(
  key: string,
  args: Readonly<Record<string, string | number>> | undefined,
  bundle: Bundle,
): string {
  const dot = key.lastIndexOf('.');
  const base = dot > 0 ? key.slice(0, dot) : key;
  const template = bundle[key] ?? BUNDLES.en[key] ?? bundle[base] ?? BUNDLES.en[base] ?? key;
  if (!args) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in args ? String(args[name]) : whole));
}

export function message(key: string, args: Readonly<Record<string, string | number>> | undefined, lang: Lang): string {
  return format(key, args, BUNDLES[lang]);
}
