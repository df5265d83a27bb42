import { createPublicKey, type KeyObject } from 'node:crypto';
import { VerifyError } from './errors.js';

/** A managed public key (PEM). Attacker-controlled text: a corrupt PEM is KEY_INVALID, not a crypto stack trace. */
export function parsePublicKey(pem: string | Buffer, source = 'key'): KeyObject {
  try {
    const key = createPublicKey(pem);
    if (key.type !== 'public') throw new Error('not a public key');
    return key;
  } catch (cause) {
    // OpenSSL's own text ("error:1E08010C:DECODER routines::unsupported") tells a user nothing; the cause keeps it.
    throw new VerifyError('KEY_INVALID', `${source} is not a PEM public key; pass the signer's public key (-----BEGIN PUBLIC KEY-----)`, {
      cause,
      file: source,
    });
  }
}
