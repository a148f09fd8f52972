// `rro check [options] <path>…`: files, folders (recursive, `*.json`) and ZIP archives through
// the engine; text, JSON or SARIF out. Exit 0 without errors, 1 with errors, 2 when the
// command could not do its job (bad arguments, a path it could not read).
import * as path from 'node:path';
import { loadClassifier } from '../../check/classifierFile';
import { ClassifierError } from '../../engine/classifier';
import { buildCheckOptions, type Classifier } from '../../engine';
import { message, type Lang } from '../../l10n/messages';
import { CliError, type CliIO } from '../io';
import { paintFor } from '../style';
import { totals } from '../../check/diagnostics';
import { formatJson } from '../check/formatJson';
import { formatSarif } from '../check/formatSarif';
import { formatText } from '../check/formatText';
import { parseCheckArgs } from '../check/options';
import { runCheck } from '../../check/run';

export async function check(args: string[], io: CliIO): Promise<number> {
  const opts = parseCheckArgs(args, io.lang);
  if (opts.help) {
    io.stdout(message('check.usage', undefined, io.lang) + '\n');
    return 0;
  }
  const classifier = opts.classifier
    ? await readClassifier(path.resolve(io.cwd, opts.classifier), opts.classifier, io.lang)
    : undefined;
  const result = await runCheck({
    paths: opts.paths,
    cwd: io.cwd,
    lang: io.lang,
    engine: buildCheckOptions({
      today: opts.today,
      classifier,
      attachmentsRequired: opts.attachmentsRequired,
      severities: opts.severities,
    }),
    severities: opts.severities,
    include: opts.include,
    exclude: opts.exclude,
  });
  const files = opts.quiet
    ? result.files.map((f) => ({ ...f, diagnostics: f.diagnostics.filter((d) => d.severity === 'error') }))
    : result.files;

  if (opts.format === 'json') io.stdout(formatJson(files));
  else if (opts.format === 'sarif') io.stdout(formatSarif(files, { cwd: io.cwd, lang: io.lang }));
  else io.stdout(formatText(files, io.lang, paintFor(io.color)));

  if (!opts.quiet) for (const note of result.notes) io.stderr(`rro check: ${note}\n`);
  for (const problem of result.problems) io.stderr(`rro check: ${problem}\n`);
  if (result.problems.length > 0) return 2;
  return totals(files).errors > 0 ? 1 : 0;
}

async function readClassifier(absolute: string, shown: string, lang: Lang): Promise<Classifier> {
  try {
    return await loadClassifier(absolute);
  } catch (e) {
    if (e instanceof ClassifierError)
      throw new CliError(message(`classifier.${e.code}`, { path: shown, ...e.args }, lang));
    throw e;
  }
}
