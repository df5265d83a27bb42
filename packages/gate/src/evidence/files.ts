import { readFile, realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileProblem } from '@trustgate/core';
import { GateError } from '../errors.js';
import { classify } from './classify.js';
import { documentsFromText } from './documents.js';
import type { RawEvidence } from './types.js';

/**
 * Read the evidence files the user named (JSON, JSON Lines, or an attestations API response). What the user named is
 * read, or the run stops: a file that cannot be read, or a document in it that is not a Sigstore bundle, is an input
 * error naming the file (never "malformed evidence" that lets the rest pass). A file named twice, under any spelling
 * or through a symlink, is read once. Relative paths are read from `cwd`; messages name them as given.
 */
export async function loadEvidenceFiles(paths: readonly string[], cwd = '.'): Promise<RawEvidence[]> {
  const all: RawEvidence[] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    let text: string;
    let real: string;
    try {
      real = await realpath(resolve(cwd, path));
      text = await readFile(real, 'utf8');
    } catch (cause) {
      throw new GateError('EVIDENCE_UNREADABLE', `cannot read evidence file ${path}: ${fileProblem(cause)}`, { cause, file: path });
    }
    if (seen.has(real)) continue;
    seen.add(real);
    const documents = documentsFromText(text, path);
    for (const doc of documents) requireBundle(doc, path);
    all.push(...documents);
  }
  return all;
}

function requireBundle(doc: RawEvidence, file: string): void {
  const c = classify(doc);
  if (c.kind === 'bundle') return;
  const what =
    doc.document === undefined
      ? 'is not JSON'
      : c.kind === 'statement'
        ? 'is a bare in-toto Statement, which nobody signed'
        : `is not a Sigstore bundle (${c.reason})`;
  throw new GateError(
    'EVIDENCE_INVALID',
    `evidence ${doc.origin} ${what}; pass Sigstore bundles (actions/attest, gh attestation download) or remove the file from the evidence`,
    { file },
  );
}
