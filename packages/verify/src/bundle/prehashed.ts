import { constants, type KeyObject, publicDecrypt } from 'node:crypto';
import { p256, p384, p521 } from '@noble/curves/nist.js';

const CURVES = { prime256v1: p256, secp384r1: p384, secp521r1: p521 } as const;
/** DER DigestInfo prefix for SHA-256 (RFC 8017 section 9.2, note 1). */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

/**
 * Verify a signature over a message of which only the SHA-256 digest is known (the conformance DIGEST mode).
 * node:crypto has no prehashed verify, so ECDSA goes through @noble/curves and RSA PKCS#1 v1.5 through the
 * recovered DigestInfo. Ed25519 signs the message itself and cannot be checked from a digest.
 */
export function verifyPrehashed(key: KeyObject, digest: Buffer, signature: Buffer): boolean {
  if (key.asymmetricKeyType === 'ec') {
    const curveName = key.asymmetricKeyDetails?.namedCurve as keyof typeof CURVES | undefined;
    const curve = curveName ? CURVES[curveName] : undefined;
    if (!curve) return false;
    const jwk = key.export({ format: 'jwk' });
    if (!jwk.x || !jwk.y) return false;
    const point = Buffer.concat([Buffer.from([4]), Buffer.from(jwk.x, 'base64url'), Buffer.from(jwk.y, 'base64url')]);
    try {
      return curve.verify(signature, digest, point, { prehash: false, lowS: false, format: 'der' });
    } catch {
      return false;
    }
  }
  if (key.asymmetricKeyType === 'rsa') {
    try {
      const recovered = publicDecrypt({ key, padding: constants.RSA_PKCS1_PADDING }, signature);
      return recovered.equals(Buffer.concat([SHA256_DIGEST_INFO, digest]));
    } catch {
      return false;
    }
  }
  return false;
}
