// Engine options from typed settings, built once per settings object and day, so the
// snapshot's findings cache (keyed by the options object) stays valid between keystrokes.
import * as path from 'node:path';
import { localDay, type CheckOptions, type Classifier } from '../engine';
import { loadClassifier } from '../engine/classifier';
import type { RroSettings } from './settings';

/** A settings path: absolute as is, relative to the folder the settings belong to. */
export function resolveSettingPath(p: string | undefined, folderPath: string | undefined): string | undefined {
  if (!p) return undefined;
  return path.isAbsolute(p) || !folderPath ? p : path.join(folderPath, p);
}

export class OptionsCache {
  private readonly made = new WeakMap<RroSettings, CheckOptions>();
  private readonly classifiers = new Map<string, Promise<Classifier | undefined>>();

  /** Called with the file and the reason when a configured classifier cannot be used. */
  constructor(private readonly onClassifierError: (file: string, reason: string) => void) {}

  /** A classifier file changed or settings changed: read classifiers again. */
  forgetClassifiers(): void {
    this.classifiers.clear();
  }

  private classifier(file: string): Promise<Classifier | undefined> {
    let found = this.classifiers.get(file);
    if (!found) {
      found = loadClassifier(file).catch((e: unknown) => {
        this.onClassifierError(file, e instanceof Error ? e.message : String(e));
        return undefined;
      });
      this.classifiers.set(file, found);
    }
    return found;
  }

  async for(settings: RroSettings, folderPath: string | undefined): Promise<CheckOptions> {
    const day = localDay(new Date());
    const file = resolveSettingPath(settings.classifierPath, folderPath);
    const classifier = file ? await this.classifier(file) : undefined;
    let options = this.made.get(settings);
    if (!options || options.today !== day || options.classifier !== classifier) {
      options = { today: day, severities: settings.rules, attachmentsRequired: settings.attachmentsRequired };
      if (classifier) options.classifier = classifier;
      this.made.set(settings, options);
    }
    return options;
  }
}
