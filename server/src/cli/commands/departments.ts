// `rro departments <name> --url <root> [--format json]`: SearchDepartments, `id  name` lines.
// Exit 0 with results, 1 when nothing matched, 2 for a usage error (a name under 5 characters).
// The answer is validated (api/departments.ts): malformed items and any beyond 50 are counted
// on stderr, never printed.
import { API_OPTIONS, clientFromArgs, UsageError } from '../../api/cliSupport';
import { ApiNetworkError } from '../../api/client';
import { DepartmentSearchError, findDepartments, MAX_DEPARTMENTS, MIN_DEPARTMENT_QUERY } from '../../api/departments';
import { message } from '../../l10n/messages';
import { parseCommandArgs } from '../args';
import { CliError, type CliIO } from '../io';

export async function departments(argv: string[], io: CliIO): Promise<number> {
  const t = (key: string, a?: Record<string, string | number>): string => message(key, a, io.lang);
  const { values, positionals } = parseCommandArgs(
    argv,
    { ...API_OPTIONS, format: { type: 'string' } },
    t('departments.cli.usage'),
    true,
  );
  const name = positionals.join(' ').trim();
  if ([...name].length < MIN_DEPARTMENT_QUERY)
    throw new CliError(t('api.departments.short', { min: MIN_DEPARTMENT_QUERY }));
  if (values.format !== undefined && values.format !== 'json' && values.format !== 'text')
    throw new CliError(t('departments.cli.usage'));
  try {
    const client = clientFromArgs({
      url: values.url,
      timeoutSeconds: values.timeout,
      caFile: values['ca-file'],
      cwd: io.cwd,
      env: io.env,
      lang: io.lang,
      warn: (l) => io.stderr(l + '\n'),
    });
    try {
      const { found, malformed, beyond } = await findDepartments(client, name);
      if (values.format === 'json') io.stdout(JSON.stringify(found, null, 2) + '\n');
      else for (const d of found) io.stdout(`${d.id}  ${d.name}\n`);
      if (beyond > 0) io.stderr(t('departments.cli.beyond', { count: beyond, max: MAX_DEPARTMENTS }) + '\n');
      if (malformed > 0) io.stderr(t('departments.cli.malformed', { count: malformed }) + '\n');
      if (found.length === 0) io.stderr(t('departments.cli.none') + '\n');
      return found.length > 0 ? 0 : 1;
    } finally {
      client.close();
    }
  } catch (e) {
    if (e instanceof UsageError) throw new CliError(e.message);
    if (e instanceof DepartmentSearchError) throw new CliError(t(e.key, e.args));
    if (e instanceof ApiNetworkError)
      throw new CliError(t('departments.cli.network', { failure: e.failure, code: e.code }));
    throw e;
  }
}
