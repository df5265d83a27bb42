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
