// `rro pack <folder> -o <file.zip>`: a thin door onto archive/pack.ts. Exit 0 packed,
// 1 not packed because of errors, 2 usage or failure (thrown as CliError, printed by main).
import { promises as fs } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import * as path from 'node:path';
import {
  EntryTooLargeError,
  FileCheckError,
  FolderError,
  isAbort,
  PackOutputError,
  packFolder,
  BYTES_PER_MB,
  type ErrorPolicy,
  type PackResult,
} from '../../archive/pack';
import { ZipLimitError } from '../../archive/zipWriter';
import { buildCheckOptions, isCalendarDay, localDay, type Classifier } from '../../engine';
import { loadClassifier } from '../../check/classifierFile';
import { ClassifierError } from '../../engine/classifier';
import { DEFAULT_ARCHIVE_LIMIT_MB } from '../../format/table';
import { message } from '../../l10n/messages';
import { escapeControl } from '../../util/safeText';
import { CliError, type CliIO } from '../io';
import { printResult, sizeText } from './packReport';
import { parseCommandArgs, type ArgsProblem } from '../args';

interface PackArgs {
  folder: string;
  output: string;
  errors: ErrorPolicy;
  limitMb: number;
  today: string;
  classifier?: string;
  include: string[];
  exclude: string[];
  json: boolean;
}

export async function pack(args: string[], io: CliIO): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(message('pack.usage', { limit: DEFAULT_ARCHIVE_LIMIT_MB }, io.lang) + '\n');
    return 0;
  }
  const a = parseArgs(args, io);
  limitYoungGeneration();
  const folder = path.resolve(io.cwd, a.folder);
  const output = path.resolve(io.cwd, a.output);
  const classifier = a.classifier ? await loadClassifierFile(path.resolve(io.cwd, a.classifier), io) : undefined;
  await requireFolderOf(output, io);
  let result: PackResult;
  // Ctrl+C or a kill: stop, remove the temporary parts, exit 130 — never a partial archive.
  const abort = new AbortController();
  const stop = (): void => abort.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    result = await packFolder(folder, {
      signal: abort.signal,
      output,
      errors: a.errors,
      limitBytes: Math.floor(a.limitMb * BYTES_PER_MB),
      include: a.include,
      exclude: a.exclude,
      check: buildCheckOptions({ today: a.today, classifier }),
    });
  } catch (e) {
    if (!isAbort(e)) throw explain(e, folder, io);
    io.stderr(message('pack.cancelled', {}, io.lang) + '\n');
    return 130;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
  if (a.json) io.stdout(JSON.stringify(result, null, 2) + '\n');
  else printResult(result, folder, io);
  if (result.status === 'packed') return 0;
  if (result.status === 'refused' || result.withErrors.length > 0) return 1;
  return 2;
}

const OPTIONS = {
  output: { type: 'string', short: 'o' },
  'allow-errors': { type: 'boolean' },
  'only-valid': { type: 'boolean' },
  'max-size-mb': { type: 'string' },
  today: { type: 'string' },
  classifier: { type: 'string' },
  include: { type: 'string', multiple: true },
  exclude: { type: 'string', multiple: true },
  json: { type: 'boolean' },
} as const;

function parseArgs(args: string[], io: CliIO): PackArgs {
  const fail = (key: string, params: Record<string, string> = {}): never => {
    throw new CliError(message(key, params, io.lang));
  };
  const { values, positionals } = parseCommandArgs(args, OPTIONS, (problem) => parseProblem(problem, io), true);
  const raw = values['max-size-mb'];
  const limitMb = raw === undefined ? DEFAULT_ARCHIVE_LIMIT_MB : Number(raw);
  if (raw !== undefined && (!Number.isFinite(limitMb) || limitMb <= 0 || raw.trim() === ''))
    fail('pack.error.badSize', { value: raw });
  if (values.today !== undefined && !isCalendarDay(values.today)) fail('pack.error.badDate', { value: values.today });
  if (positionals.length > 1) fail('pack.error.extraArgument', { value: positionals[1] });
  if (values['allow-errors'] && values['only-valid']) fail('pack.error.bothPolicies');
  if (positionals.length === 0) fail('pack.error.missingFolder');
  if (values.output === undefined) fail('pack.error.missingOutput');
  return {
    folder: positionals[0],
    output: values.output!,
    errors: values['allow-errors'] ? 'allow' : values['only-valid'] ? 'only-valid' : 'refuse',
    limitMb,
    today: values.today ?? localDay(new Date()),
    classifier: values.classifier,
    include: values.include ?? [],
    exclude: values.exclude ?? [],
    json: values.json ?? false,
  };
}

/** A parse mistake in the user's language, on one line. */
function parseProblem(problem: ArgsProblem, io: CliIO): string {
  if (problem.kind === 'missing-value') return message('pack.error.missingValue', { option: problem.option }, io.lang);
  if (problem.kind === 'extra-argument') return message('pack.error.extraArgument', { value: problem.value }, io.lang);
  return message('pack.error.unknownOption', { option: problem.option }, io.lang);
}

/** Checked before packing, so the error names the archive, not its temporary file. */
async function requireFolderOf(output: string, io: CliIO): Promise<void> {
  const shown = path.relative(io.cwd, output) || output;
  if (
    await fs.stat(output).then(
      (s) => s.isDirectory(),
      () => false,
    )
  ) {
    throw new CliError(message('pack.error.outputIsFolder', { output: shown }, io.lang));
  }
  const dir = path.dirname(output);
  const ok = await fs.stat(dir).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!ok)
    throw new CliError(
      message('pack.error.outputFolder', { output: path.relative(io.cwd, output) || output }, io.lang),
    );
}

/** Known failures become one clear line (exit 2); anything else is rethrown as is. */
function explain(e: unknown, folder: string, io: CliIO): unknown {
  const say = (key: string, args: Record<string, string | number>): CliError =>
    new CliError(message(key, args, io.lang));
  if (e instanceof FolderError)
    return say(`pack.error.folder.${e.code}`, { folder: escapeControl(folder), detail: e.detail });
  if (e instanceof EntryTooLargeError) {
    return say('pack.error.tooLarge', {
      file: escapeControl(e.entryName),
      size: sizeText(e.archiveBytes, io.lang),
      limit: sizeText(e.limitBytes, io.lang),
    });
  }
  if (e instanceof PackOutputError)
    return say('pack.error.output', {
      output: escapeControl(path.relative(io.cwd, e.output) || e.output),
      code: e.code,
    });
  if (e instanceof ZipLimitError) return say('pack.error.zipLimit', { file: escapeControl(e.entryName) });
  if (e instanceof FileCheckError)
    return say('pack.error.check', { file: escapeControl(e.file), reason: escapeControl(e.reason) });
  const errno = e as NodeJS.ErrnoException;
  if (!isAbort(e) && typeof errno?.code === 'string') {
    const file = typeof errno.path === 'string' ? path.relative(io.cwd, errno.path) || errno.path : folder;
    return say('pack.error.io', { file: escapeControl(file), code: errno.code });
  }
  return e;
}

async function loadClassifierFile(file: string, io: CliIO): Promise<Classifier> {
  try {
    return await loadClassifier(file);
  } catch (e) {
    if (e instanceof ClassifierError)
      throw new CliError(
        message(`classifier.${e.code}`, { path: path.relative(io.cwd, file) || file, ...e.args }, io.lang),
      );
    throw e;
  }
}

/**
 * Packing makes a few hundred kilobytes of short-lived objects per file (the engine's parse,
 * headers, deflate handles). V8 grows its young generation up to 16 MB semi-spaces when many
 * objects survive a scavenge, and on the 10,000-file bench that growth alone was ~35 MB of the
 * ~118 MB peak. Keeping the semi-spaces at their initial size (growth factor 1) gives ~80 MB
 * for no measurable CPU (npm run bench -- pack). The flag is read whenever V8 considers
 * growing, so setting it at run time works. The CLI only: the editor's process is not ours.
 */
function limitYoungGeneration(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}
