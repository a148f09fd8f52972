// Messages between the VS Code client and the server beyond standard LSP. Other editors need
// none of them: they get diagnostics, hover, completion and code actions the standard way.
import type { RroSettings } from './settings';

/** `initializationOptions` the client sends. */
export interface RroInitOptions {
  /** The UI language (`vscode.env.language`); Russian for any `ru*`. */
  locale?: string;
  /** Messages for that language, keyed like l10n/<area>.<lang>.json; override the built-ins. */
  bundle?: Record<string, string>;
  /** Departments the client has cached from SearchDepartments. */
  departments?: DepartmentName[];
  /** `rro-vscode` from our extension: it runs `rro.attachFile` and knows the requests below. */
  client?: string;
  /** The `rro` settings, for clients that neither answer workspace/configuration nor push them. */
  settings?: unknown;
}

export const OWN_CLIENT = 'rro-vscode';

export interface DepartmentName {
  id: string;
  name: string;
}

/** Request: check every matching file under a folder (or every workspace folder). */
export const CHECK_FOLDER = 'rro/checkFolder';
export interface CheckFolderParams {
  /** Folder URI; absent = all workspace folders. */
  uri?: string;
}
export interface CheckFolderResult {
  files: number;
  documents: number;
  errors: number;
  warnings: number;
}

/** Notification: the client's department cache changed (SearchDepartments results). */
export const DEPARTMENTS_CACHE = 'rro/departmentsCache';
export interface DepartmentsCacheParams {
  departments: DepartmentName[];
}

/** Request: the edit that writes an attachment's `name` and Base64 `content`. */
export const ATTACHMENT_EDIT = 'rro/attachmentEdit';
export interface AttachmentEditParams {
  uri: string;
  /** JSON pointer of the question whose attachment is written. */
  pointer: string;
  name: string;
  contentBase64: string;
}

/** The configuration section the server asks for (`workspace/configuration`). */
export const SECTION = 'rro';
export type { RroSettings };
