import { verify as cryptoVerify, type KeyObject } from 'node:crypto';
import type { Bundle } from '@sigstore/bundle';
import { dsse, RFC3161Timestamp } from '@sigstore/core';
import { type SignedEntity, toSignedEntity, Verifier } from '@sigstore/verify';
import { checkStatement, type Digest, type SignerIdentity, type Statement } from '@trustgate/core';
import { type Artifact, artifactSha256 } from '../digest.js';
import { fromSigstoreError, VerifyError } from '../errors.js';
import { readSigningCertificate } from '../cert/signing-certificate.js';
import { type AcceptedSigner, judgeIdentity, type SignerClaims } from '../identity.js';
import type { LoadedTrustedRoots } from '../trust/root.js';
import { selectRootForCertificate, trustMaterialFor } from '../trust/material.js';
import { verifyPrehashed } from './prehashed.js';

/** Who must have signed: accepted certificate identities, or one managed public key. Never neither. */
export type SignerPolicy = { signers: readonly AcceptedSigner[] } | { key: KeyObject };

export type VerifiedSigner = { kind: 'certificate'; claims: SignerClaims; matched: SignerIdentity } | { kind: 'key' };

/** A time vouched for by a signature the verifier checked: a log entry's SET, or an RFC 3161 token. */
export interface VerifiedTimestamp {
  source: 'transparency-log' | 'timestamp-authority';
  time: Date;
}

export interface VerifiedBundle {
  signer: VerifiedSigner;
  /** Every verified time; never the unsigned integratedTime of an entry with only an inclusion proof. */
  timestamps: VerifiedTimestamp[];
  /** DSSE content: the verified payload, and the in-toto Statement when the payload is one. */
  payloadType?: string;
  payload?: Buffer;
  statement?: Statement;
  trustedRootSource: string;
  warnings: string[];
}

export interface VerifyBundleOptions {
  /** Message signatures need the artifact; for DSSE it is matched against the Statement's subjects. */
  artifact?: Artifact;
  policy: SignerPolicy;
  roots: LoadedTrustedRoots;
  /**
   * Managed-key signatures made without a transparency log or timestamp (OpenSSF model signing with a private key)
   * set this false: the key itself is then the only trust anchor. Ignored for certificates, which always need both.
   */
  requireLog?: boolean;
}

const IN_TOTO_PAYLOAD = 'application/vnd.in-toto+json';

export function verifyBundle(bundle: Bundle, options: VerifyBundleOptions): VerifiedBundle {
  const { policy, artifact } = options;
  const material = bundle.verificationMaterial.content;
  if ('key' in policy && material.$case !== 'publicKey') {
    throw new VerifyError(
      'KEY_INVALID',
      'the bundle is signed with a certificate, not a managed key; verify it with --certificate-identity and --certificate-oidc-issuer',
    );
  }
  if ('signers' in policy) {
    if (policy.signers.length === 0) {
      throw new VerifyError(
        'POLICY_MISSING',
        'no accepted signer identity given; pass --certificate-identity and --certificate-oidc-issuer (or --key)',
      );
    }
    if (material.$case === 'publicKey') {
      throw new VerifyError('KEY_INVALID', 'the bundle is signed with a managed key, not a certificate; verify it with --key');
    }
  }
  if (bundle.content.$case === 'messageSignature' && artifact === undefined) {
    throw new VerifyError('DIGEST_MISMATCH', 'the bundle signs an artifact directly; pass the artifact file or its sha256:<hex> digest');
  }

  // Our own strict reading of the leaf comes first: the library's view of it is not trusted (see cert/).
  const leafDer = leafCertificate(bundle);
  const claims = leafDer ? readSigningCertificate(leafDer) : undefined;
  const entity = signedEntity(bundle, artifact);
  const leaf = entity.key.$case === 'certificate' ? entity.key.certificate : undefined;
  const root = selectRootForCertificate(options.roots.roots, leaf);
  const trust = trustMaterialFor(root, 'key' in policy ? policy.key : undefined, {
    requireLog: 'key' in policy ? options.requireLog : true,
  });
  try {
    new Verifier(trust.material, trust.options).verify(entity);
  } catch (err) {
    throw fromSigstoreError(err, 'the bundle does not verify');
  }

  const signer: VerifiedSigner =
    claims && 'signers' in policy ? { kind: 'certificate', claims, matched: judgeIdentity(policy.signers, claims) } : { kind: 'key' };

  const result: VerifiedBundle = {
    signer,
    timestamps: verifiedTimestamps(bundle),
    trustedRootSource: options.roots.source,
    warnings: [...options.roots.warnings],
  };
  if (bundle.content.$case === 'messageSignature') {
    checkMessageDigest(bundle.content.messageSignature.messageDigest, artifact as Artifact);
    return result;
  }
  const envelope = bundle.content.dsseEnvelope;
  result.payloadType = envelope.payloadType;
  result.payload = Buffer.from(envelope.payload);
  if (envelope.payloadType === IN_TOTO_PAYLOAD) result.statement = parseStatement(result.payload);
  if (artifact !== undefined) {
    if (!result.statement) {
      throw new VerifyError(
        'STATEMENT_INVALID',
        `the bundle's DSSE payload is ${envelope.payloadType}, not an in-toto Statement; it cannot be bound to an artifact`,
      );
    }
    requireSubject(result.statement, { algorithm: 'sha256', hex: artifactSha256(artifact) });
  }
  return result;
}

function leafCertificate(bundle: Bundle): Uint8Array | undefined {
  const material = bundle.verificationMaterial.content;
  if (material.$case === 'certificate') return material.certificate.rawBytes;
  if (material.$case === 'x509CertificateChain') return material.x509CertificateChain.certificates[0]?.rawBytes;
  return undefined;
}

/**
 * The times the Verifier has vouched for, once it has passed: it checks the SET of every entry that has one and
 * every RFC 3161 token, and fails otherwise. An entry with only an inclusion proof proves inclusion, not its
 * integratedTime (the checkpoint does not sign it), so that time is not one of them.
 */
function verifiedTimestamps(bundle: Bundle): VerifiedTimestamp[] {
  const out: VerifiedTimestamp[] = [];
  for (const entry of bundle.verificationMaterial.tlogEntries) {
    if (entry.inclusionPromise) out.push({ source: 'transparency-log', time: new Date(Number(entry.integratedTime) * 1000) });
  }
  for (const ts of bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps ?? []) {
    out.push({ source: 'timestamp-authority', time: RFC3161Timestamp.parse(Buffer.from(ts.signedTimestamp)).signingTime });
  }
  return out;
}

function signedEntity(bundle: Bundle, artifact: Artifact | undefined): SignedEntity {
  let entity: SignedEntity;
  try {
    entity = toSignedEntity(bundle, artifact?.kind === 'bytes' ? artifact.data : undefined);
  } catch (cause) {
    throw new VerifyError('BUNDLE_INVALID', `the bundle's verification material cannot be read: ${(cause as Error).message}`, { cause });
  }
  if (bundle.content.$case === 'dsseEnvelope') {
    // @sigstore/verify checks DSSE with the key type's default hash (SHA-256); P-384/P-521 keys sign with
    // SHA-384/SHA-512 (PKIX_ECDSA_P384_SHA_384), as model_signing's elliptic-key signatures do.
    const { payloadType, payload } = bundle.content.dsseEnvelope;
    const pae = dsse.preAuthEncoding(payloadType, Buffer.from(payload));
    return withSignatureCheck(entity, (key, content) => {
      const hash = CURVE_HASH[String(key.asymmetricKeyDetails?.namedCurve)];
      return hash ? cryptoVerify(hash, pae, key, content.signature) : content.verifySignature(key);
    });
  }
  if (artifact?.kind !== 'digest') return entity;
  // DIGEST mode: only the digest is known, so the signature is checked over it as a prehashed message.
  const digest = Buffer.from(artifact.digest.hex, 'hex');
  return withSignatureCheck(entity, (key, content) => content.compareDigest(digest) && verifyPrehashed(key, digest, content.signature));
}

/** The same signed entity with its signature check replaced; the log-body comparisons stay the library's. */
function withSignatureCheck(entity: SignedEntity, check: (key: KeyObject, content: SignedEntity['signature']) => boolean): SignedEntity {
  const content = entity.signature;
  return {
    ...entity,
    signature: {
      signature: content.signature,
      compareSignature: (s) => content.compareSignature(s),
      compareDigest: (d) => content.compareDigest(d),
      compareSignedDigest: (d) => content.compareSignedDigest(d),
      verifySignature: (key) => check(key, content),
    },
  };
}

const CURVE_HASH: Record<string, string> = { prime256v1: 'sha256', secp384r1: 'sha384', secp521r1: 'sha512' };

function checkMessageDigest(messageDigest: { algorithm: number; digest: Buffer } | undefined, artifact: Artifact): void {
  if (!messageDigest) return;
  const actual = artifactSha256(artifact);
  const signed = Buffer.from(messageDigest.digest).toString('hex');
  // The signature already verified over the artifact; a different recorded digest means a tampered bundle.
  if (signed.length === 64 && signed !== actual) {
    throw new VerifyError('DIGEST_MISMATCH', `the bundle's message digest is sha256:${signed}, the artifact's is sha256:${actual}`);
  }
}

function parseStatement(payload: Buffer): Statement {
  let value: unknown;
  try {
    value = JSON.parse(payload.toString('utf8'));
  } catch (cause) {
    throw new VerifyError('STATEMENT_INVALID', `the DSSE payload is not JSON: ${(cause as Error).message}`, { cause });
  }
  // v1 and v0.1 are both checked against their schema: a signed but malformed Statement is refused, never read.
  const checked = checkStatement(value);
  if (!checked.ok) throw new VerifyError('STATEMENT_INVALID', `the DSSE payload is not a valid in-toto Statement: ${checked.reason}`);
  return checked.statement;
}

/** The artifact must be one of the Statement's subjects, by digest (sha256, or sha384/sha512 where that is all a subject records). */
export function requireSubject(statement: Statement, digest: Digest): void {
  const want = digest.hex.toLowerCase();
  if (statement.subject.some((s) => s.digest[digest.algorithm]?.toLowerCase() === want)) return;
  const have = statement.subject
    .map(
      (s) =>
        `${s.name ?? '?'}=${Object.entries(s.digest)
          .map(([a, h]) => `${a}:${h}`)
          .join('|')}`,
    )
    .join(', ');
  throw new VerifyError('DIGEST_MISMATCH', `no subject of the signed statement has digest ${digest.algorithm}:${want} (subjects: ${have})`);
}
