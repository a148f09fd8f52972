// Running the workbench in Russian without the marketplace: VS Code resolves the UI language
// from `languagepacks.json` in the user-data folder. An entry for the locale whose translation
// file is empty makes VS Code report that language (vscode.env.language = "ru", which our
// client passes to the server), while untranslated workbench strings fall back to English.
import * as fs from 'node:fs';
import * as path from 'node:path';

export function writeMinimalLanguagePack(userData: string, locale: string): void {
  const dir = path.join(userData, 'rro-test-language-pack');
  fs.mkdirSync(dir, { recursive: true });
  const translations = path.join(dir, 'main.i18n.json');
  fs.writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  const packs = {
    [locale]: {
      hash: `rro-test-${locale}`,
      // the shape VS Code writes for an installed pack; it reads the first entry's identifier
      extensions: [{ extensionIdentifier: { id: `rro-test.language-pack-${locale}` }, version: '0.0.1' }],
      translations: { vscode: translations },
      label: locale,
    },
  };
  fs.writeFileSync(path.join(userData, 'languagepacks.json'), JSON.stringify(packs, null, 2));
}
