// The `rro.*` settings as typed values. The VS Code client converts its configuration with
// `toSettings` once per resource and hands the result to the server; other editors (Neovim…)
// send raw JSON, which the server passes through the same function, so both agree.
import { SEVERITIES, type Severity } from '../engine/types';

export type ValidateWorkspace = 'onStartup' | 'onCommand';

export interface RroSettings {
  files: string[];
  exclude: string[];
  classifierPath: string | undefined;
  departmentsPath: string | undefined;
  rules: Record<string, Severity | 'off'>;
  attachmentsRequired: boolean;
  validateWorkspace: ValidateWorkspace;
}

export const DEFAULT_SETTINGS: Readonly<RroSettings> = {
  files: ['**/*.json'],
  exclude: [],
  classifierPath: undefined,
  departmentsPath: undefined,
  rules: {},
  attachmentsRequired: false,
  validateWorkspace: 'onStartup',
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stringList(v: unknown, fallback: readonly string[]): string[] {
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && s.length > 0) : [...fallback];
}

function optionalPath(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

function severityMap(v: unknown): Record<string, Severity | 'off'> {
  const out: Record<string, Severity | 'off'> = {};
  if (!isRecord(v)) return out;
  for (const [id, level] of Object.entries(v)) {
    if (level === 'off' || (typeof level === 'string' && (SEVERITIES as readonly string[]).includes(level))) {
      out[id.startsWith('rro/') ? id : `rro/${id}`] = level as Severity | 'off';
    }
  }
  return out;
}

/**
 * Raw `rro` section → typed settings. Accepts the nested shape VS Code returns for the
 * section (`{classifier: {path}}`), dotted keys a hand-written client config may use, and
 * already typed settings.
 */
export function toSettings(raw: unknown): RroSettings {
  if (!isRecord(raw)) return { ...DEFAULT_SETTINGS, files: [...DEFAULT_SETTINGS.files], rules: {} };
  const nested = (group: string, key: string): unknown => {
    const g = raw[group];
    return isRecord(g) ? g[key] : raw[`${group}.${key}`];
  };
  // Typed values (from our VS Code client) pass through unchanged.
  const validate = raw.validateWorkspace ?? nested('validate', 'workspace');
  return {
    files: stringList(raw.files, DEFAULT_SETTINGS.files),
    exclude: stringList(raw.exclude, DEFAULT_SETTINGS.exclude),
    classifierPath: optionalPath(raw.classifierPath ?? nested('classifier', 'path')),
    departmentsPath: optionalPath(raw.departmentsPath ?? nested('departments', 'path')),
    rules: severityMap(raw.rules),
    attachmentsRequired: (raw.attachmentsRequired ?? nested('attachments', 'required')) === true,
    validateWorkspace: validate === 'onCommand' ? 'onCommand' : 'onStartup',
  };
}
