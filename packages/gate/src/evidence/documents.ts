import { createHash } from 'node:crypto';
import type { RawEvidence } from './types.js';

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Split one file's text into evidence documents: a JSON document, JSON Lines (what `gh attestation
 * download` writes), or a GitHub attestations API response (`{attestations: [{bundle}]}`) are all accepted.
 * Text that is not JSON becomes a malformed document (reported, never counted), not an exception.
 */
export function documentsFromText(text: string, origin: string): RawEvidence[] {
  const trimmed = text.trim();
  if (trimmed === '') return [{ origin, sha256: sha256(text), document: undefined }];
  const whole = tryParse(trimmed);
  if (whole.ok) return expand(whole.value, origin, sha256(text));
  const lines = text.split(/\r?\n/);
  const docs: RawEvidence[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const parsed = tryParse(line);
    const at = `${origin}:${i + 1}`;
    docs.push(...(parsed.ok ? expand(parsed.value, at, sha256(line)) : [{ origin: at, sha256: sha256(line), document: undefined }]));
  });
  return docs;
}

/** An attestations API response or one of its entries stands for the bundles inside it. */
export function expand(value: unknown, origin: string, digest: string): RawEvidence[] {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    if (Array.isArray(record.attestations)) {
      return record.attestations.flatMap((entry, i) => expand(entry, `${origin}#attestations[${i}]`, hashOf(entry)));
    }
    if ('bundle' in record && !('mediaType' in record) && !('_type' in record)) {
      return [{ origin, sha256: hashOf(record.bundle), document: record.bundle }];
    }
  }
  return [{ origin, sha256: digest, document: value }];
}

function hashOf(value: unknown): string {
  return sha256(JSON.stringify(value) ?? '');
}

function tryParse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}
