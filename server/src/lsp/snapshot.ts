// One parse per document version: the tree, kind and line index are built once and shared by
// diagnostics, hover, completion, code actions and symbols. Findings depend on the options too
// (severities, classifier, today), so they are kept per options object.
import {
  analyze,
  detectKind,
  LineIndex,
  parseDocument,
  type CheckOptions,
  type DocumentKind,
  type Finding,
  type ParsedDocument,
} from '../engine';

export class Snapshot {
  readonly doc: ParsedDocument;
  readonly kind: DocumentKind;
  private lineIndex: LineIndex | undefined;
  private findingsFor: { options: CheckOptions; findings: Finding[] } | undefined;

  constructor(
    readonly uri: string,
    readonly version: number,
    readonly text: string,
  ) {
    this.doc = parseDocument(text);
    this.kind = detectKind(this.doc.root);
  }

  get lines(): LineIndex {
    return (this.lineIndex ??= new LineIndex(this.text));
  }

  /** An appeal or a null report; everything else gets nothing from us. */
  get isRro(): boolean {
    return this.kind !== 'unknown';
  }

  findings(options: CheckOptions): Finding[] {
    if (this.findingsFor?.options !== options) {
      this.findingsFor = { options, findings: analyze(this.doc, options).findings };
    }
    return this.findingsFor.findings;
  }
}

/** Snapshots of open documents, keyed by uri; a new version replaces the old one. */
export class SnapshotCache {
  private readonly byUri = new Map<string, Snapshot>();

  get(uri: string, version: number, text: () => string): Snapshot {
    let s = this.byUri.get(uri);
    if (!s || s.version !== version) {
      s = new Snapshot(uri, version, text());
      this.byUri.set(uri, s);
    }
    return s;
  }

  delete(uri: string): void {
    this.byUri.delete(uri);
  }
}
