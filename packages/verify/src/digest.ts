import { createHash } from 'node:crypto';
import { asTrustgateError, type Digest, isDigest, parseDigest, sha256File as sha256FileBytes } from '@trustgate/core';
import { VerifyError } from './errors.js';

/** What a signature is checked against: the artifact's bytes, or only its digest (`sha256:<hex>`). */
export type Artifact = { kind: 'bytes'; data: Buffer; name: string; sha256: string } | { kind: 'digest'; digest: Digest };

/** FILE_OR_DIGEST of the conformance CLI protocol: `sha256:<hex>` is a digest, anything else a file. */
export function isDigestArgument(arg: string): boolean {
  return isDigest(arg);
}

export function artifactFromDigest(text: string): Artifact {
  const digest = parseDigest(text);
  if (digest.algorithm !== 'sha256')
    throw new VerifyError('DIGEST_MISMATCH', `${text}: only sha256 digests are supported; pass sha256:<hex>`);
  return { kind: 'digest', digest };
}

export function artifactFromBytes(data: Buffer, name: string): Artifact {
  return { kind: 'bytes', data, name, sha256: createHash('sha256').update(data).digest('hex') };
}

/** The artifact's sha256 hex, whichever form it came in. */
export function artifactSha256(artifact: Artifact): string {
  return artifact.kind === 'bytes' ? artifact.sha256 : artifact.digest.hex;
}

/** A file's sha256 in bounded memory (large artifacts need not fit in memory for DSSE subject checks). */
export async function sha256File(file: string): Promise<string> {
  try {
    return await sha256FileBytes(file);
  } catch (cause) {
    throw new VerifyError('IO_ERROR', `artifact: ${asTrustgateError(cause, file).message}`, { cause, file });
  }
}
