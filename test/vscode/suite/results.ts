// The contract between the in-VS-Code suite and the node:test wrapper: the suite writes one
// record per mocha test to the file named by RESULTS_ENV, the wrapper turns each into a subtest.
export const RESULTS_ENV = 'RRO_VSCODE_RESULTS';
/** The UI language the harness started VS Code in; the suite checks VS Code really uses it. */
export const LANGUAGE_ENV = 'RRO_VSCODE_LANGUAGE';

export interface TestRecord {
  /** "suite title › test title" */
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs: number;
  /** The assertion message and stack for failures (no file contents). */
  error?: string;
}

export interface SuiteResults {
  vscodeVersion: string;
  uiKind: 'desktop' | 'web';
  language: string;
  tests: TestRecord[];
}
