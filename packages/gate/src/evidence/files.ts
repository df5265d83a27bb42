import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileProblem } from '@trustgate/core';
import { GateError } from '../errors.js';
import { documentsFromText } from './documents.js';
import type { RawEvidence } from './types.js';

/** Read evidence files (JSON or JSON Lines). A file that cannot be read is an error: evidence is never skipped silently. */
export async function loadEvidenceFiles(paths: readonly string[], cwd = '.'): Promise<RawEvidence[]> {
  const all: RawEvidence[] = [];
  for (const path of paths) {
    let text: string;
    try {
      text = await readFile(resolve(cwd, path), 'utf8');
    } catch (cause) {
      throw new GateError('EVIDENCE_UNREADABLE', `cannot read evidence file ${path}: ${fileProblem(cause)}`, { cause, file: path });
    }
    all.push(...documentsFromText(text, path));
  }
  return all;
}
