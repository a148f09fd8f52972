// Reading the user's classifier file: the I/O half of `engine/classifier.ts`, which stays pure
// and turns the bytes into a Classifier. The CLI, the language server and the client call this.
import { readFile } from 'node:fs/promises';
import { ClassifierError, parseClassifier } from '../engine/classifier';
import type { Classifier } from '../engine/types';

/** The classifier in the file at `path`; an unreadable file is a `ClassifierError('unreadable')`. */
export async function loadClassifier(path: string): Promise<Classifier> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new ClassifierError('unreadable', { reason: (e as NodeJS.ErrnoException).code ?? 'EIO' });
  }
  return parseClassifier(bytes);
}
