import { CoreError } from './errors.js';

export interface Digest {
  algorithm: 'sha256' | 'sha384' | 'sha512';
  hex: string;
}

const LENGTHS = { sha256: 64, sha384: 96, sha512: 128 } as const;

/** Parse `sha256:<hex>` (the form GitHub and in-toto use). Attacker-controlled: validate length and alphabet. */
export function parseDigest(text: string): Digest {
  const m = /^(sha256|sha384|sha512):([0-9a-fA-F]+)$/.exec(text.trim());
  if (!m) throw new CoreError('DIGEST_INVALID', `"${text}" is not a digest; expected sha256:<64 hex characters>`);
  const algorithm = m[1] as Digest['algorithm'];
  const hex = (m[2] as string).toLowerCase();
  if (hex.length !== LENGTHS[algorithm]) {
    throw new CoreError('DIGEST_INVALID', `"${text}" has ${hex.length} hex characters; ${algorithm} needs ${LENGTHS[algorithm]}`);
  }
  return { algorithm, hex };
}

export function formatDigest(d: Digest): string {
  return `${d.algorithm}:${d.hex}`;
}

export function isDigest(text: string): boolean {
  return /^(sha256|sha384|sha512):[0-9a-fA-F]+$/.test(text.trim());
}

const OCI_REFERENCE = /^oci:\/\/([^/@\s]+)\/([^@\s]+)@([^@\s]+)$/;

/**
 * The artifact a verify or gate command is about: `sha256:<hex>`, or an OCI image by digest,
 * `oci://REGISTRY/REPOSITORY[:TAG]@sha256:<hex>`. Only the digest is used (attestations name images by it); the
 * registry is never contacted, and a reference without a digest is refused: a tag names no fixed image.
 */
export function parseSubject(text: string): Digest {
  const trimmed = text.trim();
  if (!/^oci:\/\//i.test(trimmed)) return parseDigest(trimmed);
  const m = OCI_REFERENCE.exec(trimmed);
  if (!m) {
    throw new CoreError(
      'DIGEST_INVALID',
      `"${text}" is not an OCI image by digest; expected oci://REGISTRY/REPOSITORY@sha256:<hex> (a tag alone names no fixed image)`,
    );
  }
  return parseDigest(m[3] as string);
}

export function isOciReference(text: string): boolean {
  return /^oci:\/\//i.test(text.trim());
}
