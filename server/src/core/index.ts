// The one public face of the core. Front doors outside `server/src` (the VS Code client) import
// from here, or from the LSP protocol module (`server/src/lsp/protocol`), and from nothing
// else; the linter enforces it (eslint.config.mjs). See docs/architecture.md for the layers.

// Checking: text and bytes (the engine), paths and archives (files, folders, ZIP entries).
export * from '../engine';
export { ClassifierError, parseClassifier } from '../engine/classifier';
export { loadClassifier } from '../check/classifierFile';
export * from '../check/run';
export * from '../check/diagnostics';
export { ZipError, ZipReader } from '../archive/zipReader';
// Packing.
export * from '../archive/pack';
export { ZipLimitError } from '../archive/zipWriter';
// Sending, the API and its settings.
export * from '../api';
export * from '../send';
// The no-appeals report (spec §7).
export * from '../nullReport/period';
// The format table's constants the front doors show or default to.
export { DEFAULT_ARCHIVE_LIMIT_MB } from '../format/table';
// The format table's fields and statuses, for the appeal form (labels, hints, choices).
export {
  ATTACHMENT_FIELDS,
  DATE_CHAIN,
  FORMAT_LABELS,
  FORMAT_VALUES,
  NULL_REPORT_FIELDS,
  QUESTION_FIELDS,
  ROOT_FIELDS,
  STATUS_BY_ID,
  STATUSES,
  TRANSFER_FIELDS,
  type FieldSpec,
  type StatusSpec,
  type Text,
} from '../format/table';
export { GUID, isGuid } from '../format/patterns';
// Messages in the user's language.
// Text from outside, shown safely.
export { escapeControl } from '../util/safeText';
export { bundleFor, format, message, resolveLang, type Bundle, type Lang } from '../l10n/messages';
// Settings as the language server reads them (the client validates the same way).
export { toSettings, type RroSettings } from '../lsp/settings';
