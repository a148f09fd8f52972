// Engine options for the pack and archive commands, from the `rro.*` settings of a folder:
// the same gate as the editor's diagnostics (rule severities, attachments, classifier).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { l10n } from '../l10n';
import {
  buildCheckOptions,
  type CheckOptions,
  ClassifierError,
  loadClassifier,
  message,
  resolveLang,
  type Lang,
} from '../../../server/src/core';
import type { ClientServices } from './index';

export function uiLang(): Lang {
  return resolveLang(vscode.env.language);
}

/** Undefined (after telling the user) when the configured classifier cannot be loaded. */
export async function checkOptionsFor(
  services: ClientServices,
  resource: vscode.Uri,
): Promise<CheckOptions | undefined> {
  const settings = services.settings.for(resource);
  const options = { severities: settings.rules, attachmentsRequired: settings.attachmentsRequired };
  if (!settings.classifierPath) return buildCheckOptions(options);
  const base = vscode.workspace.getWorkspaceFolder(resource)?.uri.fsPath ?? path.dirname(resource.fsPath);
  const file = path.resolve(base, settings.classifierPath);
  try {
    return buildCheckOptions({ ...options, classifier: await loadClassifier(file) });
  } catch (e) {
    const reason =
      e instanceof ClassifierError
        ? message(`classifier.${e.code}`, { path: settings.classifierPath, ...e.args }, uiLang())
        : settings.classifierPath;
    void vscode.window.showErrorMessage(l10n.t('RRO: cannot load the classifier: {0}', reason));
    return undefined;
  }
}
