// Where a server's finding about a file on disk goes in the editor: the range of the node its
// JSON pointer names, or the file's start when the file is gone or unreadable.
import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { LineIndex, spanOfPointer } from '../../../server/src/core';

export async function rangeOfPointer(file: string, pointer: string | undefined): Promise<vscode.Range> {
  try {
    const text = await readFile(file, 'utf8');
    const span = spanOfPointer(text, pointer ?? '');
    const index = new LineIndex(text);
    const a = index.position(span.offset);
    const b = index.position(span.offset + span.length);
    return new vscode.Range(a.line, a.character, b.line, b.character);
  } catch {
    return new vscode.Range(0, 0, 0, 0);
  }
}
