// A minimal extension loaded beside ours in every suite run: the same activation events and an
// empty activate(). VS Code's own activation figures for both (load code + call activate, as
// «Running Extensions» shows them) are printed by activation.suite.ts, from the same run.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const MINIMAL_EXTENSION_ID = 'rro-tools.rro-minimal';

/**
 * Writes the extension into `parent/<name>` and returns that folder. Desktop VS Code loads it as
 * a second development extension; code-server takes only one from the URL payload, so there it
 * is installed instead (installIntoExtensionsDir).
 */
export function writeMinimalExtension(parent: string, folder = 'minimal-extension', name = 'rro-minimal'): string {
  const dir = path.join(parent, folder);
  fs.mkdirSync(dir, { recursive: true });
  const manifest = {
    name,
    publisher: 'rro-tools',
    version: '0.0.1',
    engines: { vscode: '^1.100.0' },
    activationEvents: ['onLanguage:json', 'onLanguage:jsonc', 'workspaceContains:**/*.json'],
    main: './extension.js',
  };
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  fs.writeFileSync(path.join(dir, 'extension.js'), 'exports.activate = function () {};\n');
  return dir;
}

/**
 * Copies installed beside the first one: VS Code activates each extension once per run, so the
 * suite takes the median of these as the baseline and their spread as the noise floor.
 */
export const MINIMAL_COPIES = 3;

/**
 * Installs the minimal extension — MINIMAL_COPIES identical copies, `rro-minimal`,
 * `rro-minimal-2`, … — into an extensions folder, as `code --install-extension` would.
 */
export function installIntoExtensionsDir(extensionsDir: string): string[] {
  const dirs: string[] = [];
  const entries: object[] = [];
  for (let i = 1; i <= MINIMAL_COPIES; i++) {
    const name = i === 1 ? 'rro-minimal' : `rro-minimal-${i}`;
    const folder = `rro-tools.${name}-0.0.1`;
    const dir = writeMinimalExtension(extensionsDir, folder, name);
    dirs.push(dir);
    entries.push({
      identifier: { id: `rro-tools.${name}` },
      version: '0.0.1',
      location: { $mid: 1, path: dir, scheme: 'file' },
      relativeLocation: folder,
      metadata: { installedTimestamp: Date.now(), source: 'vsix' },
    });
  }
  fs.writeFileSync(path.join(extensionsDir, 'extensions.json'), JSON.stringify(entries));
  return dirs;
}
