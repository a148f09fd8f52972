// What every handler needs: open documents with their one-parse-per-version snapshots, the
// settings of each document's folder, engine options, the user's language and department names.
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckOptions, DocumentKind, Encoding, Finding, JsonNode } from '../engine';
import { diskEncoding, encodingFinding } from './encoding';
import type { SettingsStore } from './config';
import type { DepartmentDirectory } from './departments';
import { isSelected, uriToPath, type Folders } from './folders';
import type { OptionsCache } from './options';
import { readable } from './readable';
import type { LogLine } from './runSafe';
import type { RroSettings } from './settings';
import type { Snapshot, SnapshotCache } from './snapshot';
import type { ServerText } from './text';

/** An open document that is ours: selected by `rro.files`/`rro.exclude` and an RRO document. */
export interface OpenRro {
  document: TextDocument;
  snapshot: Snapshot;
  settings: RroSettings;
  options: CheckOptions;
  /** The tree the editor reads: the document's, or the readable part of a too-deep one. */
  root: JsonNode | undefined;
  kind: DocumentKind;
  /** The file on disk is in this encoding, not UTF-8 (`file:` documents only). */
  encoding: Encoding | undefined;
}

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  snapshots: SnapshotCache;
  folders: Folders;
  settings: SettingsStore;
  options: OptionsCache;
  text: ServerText;
  departments: DepartmentDirectory;
  /** The client is our VS Code extension (it runs `rro.attachFile`, knows our requests). */
  ownClient: boolean;
  /** The client expands `$1` placeholders in completions. */
  snippetSupport: boolean;
}

export function snapshotOf(ctx: ServerContext, document: TextDocument): Snapshot {
  return ctx.snapshots.get(document.uri, document.version, () => document.getText());
}

/** The open document at `uri` when it is ours, else undefined (package.json, tsconfig.json…). */
export async function openRro(ctx: ServerContext, uri: string): Promise<OpenRro | undefined> {
  const document = ctx.documents.get(uri);
  if (!document) return undefined;
  const settings = await ctx.settings.forResource(uri);
  if (!isSelected(uri, settings, ctx.folders)) return undefined;
  // Settings may have taken a turn of the event loop: read the latest version.
  const latest = ctx.documents.get(uri) ?? document;
  // A document with no tree (too deep to read) is judged by what can be read of it, so it
  // gets its `rro/json-too-deep` finding and an outline instead of silence.
  if (readable(snapshotOf(ctx, latest)).kind === 'unknown') return undefined;
  const options = await ctx.options.for(settings, folderPathOf(ctx, uri));
  const encoding = await diskEncoding(uri);
  const current = ctx.documents.get(uri) ?? latest;
  const snapshot = snapshotOf(ctx, current);
  return { document: current, snapshot, settings, options, encoding, ...readable(snapshot) };
}

const withEncoding = new WeakMap<Finding[], Finding[]>();
const expecting = new WeakMap<CheckOptions, CheckOptions>();

/**
 * The options to check with: when only the text tells this is ours (broken JSON, too deep),
 * the engine is told to expect an РРО document, as `rro check` does for a file it is given.
 */
function checkedAsRro(open: OpenRro): CheckOptions {
  if (open.snapshot.kind !== 'unknown' || open.kind === 'unknown') return open.options;
  let options = expecting.get(open.options);
  if (!options) expecting.set(open.options, (options = { ...open.options, expectRro: true }));
  return options;
}

/** The document's findings, with `rro/encoding` first when its file on disk is not UTF-8. */
export function findingsOf(open: OpenRro): Finding[] {
  const findings = open.snapshot.findings(checkedAsRro(open));
  if (!open.encoding) return findings;
  let all = withEncoding.get(findings);
  if (!all) {
    const finding = encodingFinding(open.encoding, open.options);
    all = finding ? [finding, ...findings] : findings;
    withEncoding.set(findings, all);
  }
  return all;
}

/** One line to the client's log (the server's output channel). */
export function logOf(ctx: ServerContext): LogLine {
  return (line) => ctx.connection.console.error(line);
}

/** The workspace folder (path) a document belongs to; relative settings paths start there. */
export function folderPathOf(ctx: ServerContext, uri: string): string | undefined {
  const fsPath = uriToPath(uri);
  return fsPath ? ctx.folders.containing(fsPath)?.fsPath : undefined;
}
