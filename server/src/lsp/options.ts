// Engine options from typed settings, built once per settings object and day, so the
// snapshot's findings cache (keyed by the options object) stays valid between keystrokes.
import * as path from 'node:path';
import { buildCheckOptions, localDay, type CheckOptions, type Classifier } from '../engine';
import { loadClassifier } from '../check/classifierFile';
import { ClassifierError } from '../engine/classifier';
import { escapeControl } from '../util/safeText';
import type { RroSettings } from './settings';
import type { ServerText } from './text';

/** A settings path: absolute as is, relative to the folder the settings belong to. */
export function resolveSettingPath(p: string | undefined, folderPath: string | undefined): string | undefined {
  if (!p) return undefined;
  return path.isAbsolute(p) || !folderPath ? p : path.join(folderPath, p);
}

/** Why a file could not be read, in words (`ENOENT` is not a sentence). */
function ioReason(text: ServerText, code: string | number | undefined): string {
  const key = `lsp.io.${String(code)}`;
  const said = text.t(key);
  return said === key ? text.t('lsp.io.other', { code: String(code ?? '?') }) : said;
}

/** A classifier that cannot be used, as one sentence with the file (and line) in it. */
export function classifierProblem(text: ServerText, file: string, e: unknown): string {
  if (!(e instanceof ClassifierError)) return text.t('lsp.classifier.other', { path: escapeControl(file) });
  const reason = e.code === 'unreadable' ? ioReason(text, e.args.reason) : '';
  const value = escapeControl(String(e.args.value ?? ''));
  return text.t(`lsp.classifier.${e.code}`, { ...e.args, value, path: escapeControl(file), reason });
}

export class OptionsCache {
  private readonly made = new WeakMap<RroSettings, CheckOptions>();
  private readonly classifiers = new Map<string, Promise<Classifier | undefined>>();
  private readonly failures = new Map<string, string>();

  /** `notice` shows one message when a configured classifier cannot be used (once per load). */
  constructor(
    private readonly text: ServerText,
    private readonly notice: (message: string) => void,
  ) {}

  /** A classifier file changed or settings changed: read classifiers again. */
  forgetClassifiers(): void {
    this.classifiers.clear();
    this.failures.clear();
  }

  /** Why the classifier at `file` could not be loaded, once its load has failed. */
  classifierFailure(file: string | undefined): string | undefined {
    return file ? this.failures.get(file) : undefined;
  }

  private classifier(file: string): Promise<Classifier | undefined> {
    let found = this.classifiers.get(file);
    if (!found) {
      found = loadClassifier(file).catch((e: unknown) => {
        const problem = classifierProblem(this.text, file, e);
        this.failures.set(file, problem);
        this.notice(problem);
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
      options = buildCheckOptions({
        today: day,
        classifier,
        severities: settings.rules,
        attachmentsRequired: settings.attachmentsRequired,
      });
      this.made.set(settings, options);
    }
    return options;
  }
}
