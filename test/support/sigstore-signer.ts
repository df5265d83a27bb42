import { createHash, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { initializeCA, initializeCTLog, initializeTLog } from '@sigstore/mock';
import { Authority, FULCIO, type LeafShape, leafExtensions, TimestampAuthority } from './private-ca.js';

/**
 * A local Sigstore for tests: a Fulcio-like CA (with a CT log, so certificates carry an SCT), a Rekor-like
 * transparency log, and the trusted root that trusts exactly them. Certificates carry the OIDC issuer and, when
 * asked, GitHub Actions claims as Fulcio writes them. Nothing touches the network.
 *
 *   const sigstore = await createLocalSigstore();
 *   const bundle = await sigstore.signAttestation(statement, { identity, issuer, github: { ... } });
 *   verifyAttestationBundle(bundle, { signers, trustedRoot: sigstore.trustedRoot });
 *
 * A hostile signer passes `certificate` (a leaf shape issued by the node:crypto private CA, see private-ca.ts) and
 * `times` (what vouches for the signing time: a log entry with or without its SET, an RFC 3161 token, an unsigned
 * integratedTime of its choosing).
 */

export interface GitHubClaims {
  /** e.g. https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main (also becomes the SAN by default). */
  buildSignerUri?: string;
  buildSignerDigest?: string;
  runnerEnvironment?: 'github-hosted' | 'self-hosted';
  /** e.g. https://github.com/acme/app */
  sourceRepositoryUri?: string;
  sourceRepositoryDigest?: string;
  sourceRepositoryRef?: string;
  /** e.g. https://github.com/acme */
  sourceRepositoryOwnerUri?: string;
  /** Numeric ids (OIDs .15 and .17): they survive renames and change when a repository is re-created. */
  sourceRepositoryIdentifier?: string;
  sourceRepositoryOwnerIdentifier?: string;
}

export interface SignOptions {
  /** Certificate SAN. */
  identity: string;
  issuer: string;
  github?: GitHubClaims;
  /** Log the entry this long after the certificate was issued (> 10 minutes: the certificate has expired). */
  logDelayMs?: number;
  /** Issue the leaf from the private CA in this shape (`{}`: well formed) instead of the mock Fulcio. */
  certificate?: LeafShape;
  times?: SigningTimes;
}

/** When the signature was made, and what in the bundle says so. */
export interface SigningTimes {
  /** The certificate's issue time and the log's and TSA's clock (default now). Needs `certificate`. */
  signedAt?: Date;
  /** `promise-and-proof` (default): SET and inclusion proof; `proof-only`: no SET; `none`: no log entry. */
  log?: 'promise-and-proof' | 'proof-only' | 'none';
  /** Overwrite the entry's integratedTime after logging (what a forger does; only a SET would vouch for it). */
  integratedTime?: Date;
  /** Add an RFC 3161 token from the instance's TSA at this time (needs `timestampAuthority`). */
  timestampAt?: Date;
}

export interface LocalSigstoreOptions {
  /** List the CT log in the trusted root (its SCT is then required); the private CA's leaves carry none. Default true. */
  certificateTransparency?: boolean;
  /** List the transparency log in the trusted root (an entry is then required). Default true. */
  transparencyLog?: boolean;
  /** List a timestamp authority in the trusted root. Default false. */
  timestampAuthority?: boolean;
}

export interface LocalSigstore {
  /** trusted_root.json content for this instance (pass as `trustedRoot` or write it to a file). */
  trustedRoot: Record<string, unknown>;
  signBlob(data: Buffer, options: SignOptions): Promise<Record<string, unknown>>;
  signAttestation(statement: unknown, options: SignOptions): Promise<Record<string, unknown>>;
  /** Managed-key signing (no certificate): the bundle's key hint and the PEM to verify with. */
  signBlobWithKey(data: Buffer): Promise<{ bundle: Record<string, unknown>; publicKeyPem: string }>;
}

const CLAIM_OIDS: Record<keyof GitHubClaims, string> = {
  buildSignerUri: `${FULCIO}.9`,
  buildSignerDigest: `${FULCIO}.10`,
  runnerEnvironment: `${FULCIO}.11`,
  sourceRepositoryUri: `${FULCIO}.12`,
  sourceRepositoryDigest: `${FULCIO}.13`,
  sourceRepositoryRef: `${FULCIO}.14`,
  sourceRepositoryOwnerUri: `${FULCIO}.16`,
  sourceRepositoryIdentifier: `${FULCIO}.15`,
  sourceRepositoryOwnerIdentifier: `${FULCIO}.17`,
};
const REKOR_URL = 'https://rekor.local';
// @sigstore/mock types its bytes as ArrayBufferView; view them as Uint8Array without copying.
const bytes = (b: ArrayBufferView) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
const b64 = (b: ArrayBufferView) => Buffer.from(bytes(b)).toString('base64');
const ecKey = () => generateKeyPairSync('ec', { namedCurve: 'P-256' });
const spki = (k: KeyObject) => k.export({ format: 'der', type: 'spki' });
const pem = (der: Buffer, label: string) => `-----BEGIN ${label}-----\n${b64(der).replace(/(.{64})/g, '$1\n')}\n-----END ${label}-----\n`;

export async function createLocalSigstore(instance: LocalSigstoreOptions = {}): Promise<LocalSigstore> {
  const privateCa = new Authority('private fulcio');
  const tsa = instance.timestampAuthority ? new TimestampAuthority() : undefined;
  const caKeys = ecKey();
  const ctKeys = ecKey();
  const tlogKeys = ecKey();
  const ctLog = await initializeCTLog(ctKeys);
  const ca = await initializeCA(caKeys, ctLog);
  const validFrom = { start: '2020-01-01T00:00:00Z' };
  const trustedRoot = {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs:
      (instance.transparencyLog ?? true)
        ? [
            {
              baseUrl: REKOR_URL,
              hashAlgorithm: 'SHA2_256',
              publicKey: { rawBytes: b64(spki(tlogKeys.publicKey)), keyDetails: 'PKIX_ECDSA_P256_SHA_256', validFor: validFrom },
              logId: { keyId: b64(createHash('sha256').update(spki(tlogKeys.publicKey)).digest()) },
            },
          ]
        : [],
    certificateAuthorities: [
      {
        subject: { organization: 'sigstore.mock', commonName: 'sigstore' },
        uri: 'https://fulcio.local',
        certChain: { certificates: [{ rawBytes: b64(ca.rootCertificate) }] },
        validFor: validFrom,
      },
      {
        subject: { organization: 'trustgate.test', commonName: privateCa.label },
        uri: 'https://private-fulcio.local',
        certChain: { certificates: [{ rawBytes: b64(privateCa.certificate.der) }] },
        validFor: validFrom,
      },
    ],
    ctlogs:
      (instance.certificateTransparency ?? true)
        ? [
            {
              baseUrl: 'https://ctfe.local',
              hashAlgorithm: 'SHA2_256',
              publicKey: { rawBytes: b64(ctLog.publicKey), keyDetails: 'PKIX_ECDSA_P256_SHA_256', validFor: validFrom },
              logId: { keyId: b64(ctLog.logID) },
            },
          ]
        : [],
    timestampAuthorities: tsa
      ? [
          {
            subject: { organization: 'trustgate.test', commonName: 'tsa' },
            uri: 'https://tsa.local',
            certChain: { certificates: [{ rawBytes: b64(tsa.leaf.der) }, { rawBytes: b64(tsa.root.certificate.der) }] },
            validFor: validFrom,
          },
        ]
      : [],
  };

  async function certificate(publicKey: KeyObject, options: SignOptions): Promise<Buffer> {
    if (options.certificate) {
      const claims: Record<string, string> = {};
      for (const [name, value] of Object.entries(options.github ?? {})) {
        if (value !== undefined) claims[CLAIM_OIDS[name as keyof GitHubClaims]] = value;
      }
      const notBefore = options.times?.signedAt ?? new Date();
      return privateCa.issue({
        subject: 'leaf',
        publicKey,
        notBefore: new Date(notBefore.getTime() - 1000),
        notAfter: new Date(notBefore.getTime() + 10 * 60_000),
        extensions: leafExtensions(options.identity, options.issuer, claims, options.certificate),
      }).der;
    }
    const extensions = [{ oid: `${FULCIO}.8`, value: options.issuer }];
    for (const [name, value] of Object.entries(options.github ?? {})) {
      if (value !== undefined) extensions.push({ oid: CLAIM_OIDS[name as keyof GitHubClaims], value });
    }
    return Buffer.from(bytes(await ca.issueCertificate({ publicKey: spki(publicKey), subjectAltName: options.identity, extensions })));
  }

  async function logEntry(proposed: object, kind: string, options: SignOptions): Promise<Record<string, unknown>> {
    const clock = new Date((options.times?.signedAt ?? new Date()).getTime() + (options.logDelayMs ?? 0));
    const tlog = await initializeTLog(REKOR_URL, tlogKeys, clock);
    const response = await tlog.log(proposed);
    const entry = Object.values(response)[0] as {
      body: string;
      integratedTime: number;
      logID: string;
      logIndex: number;
      verification: {
        signedEntryTimestamp: string;
        inclusionProof: { logIndex: number; rootHash: string; treeSize: number; hashes: string[]; checkpoint: string };
      };
    };
    const proof = entry.verification.inclusionProof;
    return {
      logIndex: String(entry.logIndex),
      logId: { keyId: b64(Buffer.from(entry.logID, 'hex')) },
      kindVersion: { kind, version: '0.0.1' },
      integratedTime: String(entry.integratedTime),
      inclusionPromise: { signedEntryTimestamp: entry.verification.signedEntryTimestamp },
      inclusionProof: {
        logIndex: String(proof.logIndex),
        rootHash: b64(Buffer.from(proof.rootHash, 'hex')),
        treeSize: String(proof.treeSize),
        hashes: proof.hashes,
        checkpoint: { envelope: proof.checkpoint },
      },
      canonicalizedBody: entry.body,
    };
  }

  /** tlogEntries and timestampVerificationData as `times` asks; the TSA signs the signature bytes. */
  async function material(proposed: object, kind: string, signature: Buffer, options: SignOptions) {
    const times = options.times ?? {};
    const entries = times.log === 'none' ? [] : [await logEntry(proposed, kind, options)];
    for (const entry of entries) {
      if (times.log === 'proof-only') delete entry.inclusionPromise;
      if (times.integratedTime) entry.integratedTime = String(Math.floor(times.integratedTime.getTime() / 1000));
    }
    const rfc3161Timestamps: { signedTimestamp: string }[] = [];
    if (times.timestampAt) {
      if (!tsa) throw new Error('times.timestampAt needs createLocalSigstore({ timestampAuthority: true })');
      rfc3161Timestamps.push({ signedTimestamp: b64(tsa.timestamp(signature, times.timestampAt)) });
    }
    return { tlogEntries: entries, timestampVerificationData: rfc3161Timestamps.length > 0 ? { rfc3161Timestamps } : {} };
  }

  function hashedRekord(data: Buffer, signature: Buffer, keyPem: string) {
    return {
      apiVersion: '0.0.1',
      kind: 'hashedrekord',
      spec: {
        data: { hash: { algorithm: 'sha256', value: createHash('sha256').update(data).digest('hex') } },
        signature: { content: b64(signature), publicKey: { content: b64(Buffer.from(keyPem)) } },
      },
    };
  }

  return {
    trustedRoot,
    async signBlob(data, options) {
      const keys = ecKey();
      const cert = await certificate(keys.publicKey, options);
      const signature = sign('sha256', data, keys.privateKey);
      const proposed = hashedRekord(data, signature, pem(cert, 'CERTIFICATE'));
      return {
        mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
        verificationMaterial: { certificate: { rawBytes: b64(cert) }, ...(await material(proposed, 'hashedrekord', signature, options)) },
        messageSignature: {
          messageDigest: { algorithm: 'SHA2_256', digest: b64(createHash('sha256').update(data).digest()) },
          signature: b64(signature),
        },
      };
    },
    async signAttestation(statement, options) {
      const keys = ecKey();
      const cert = await certificate(keys.publicKey, options);
      const payloadType = 'application/vnd.in-toto+json';
      const payload = Buffer.from(JSON.stringify(statement));
      const pae = Buffer.concat([Buffer.from(`DSSEv1 ${Buffer.byteLength(payloadType)} ${payloadType} ${payload.length} `), payload]);
      const signature = sign('sha256', pae, keys.privateKey);
      const envelope = { payload: b64(payload), payloadType, signatures: [{ sig: b64(signature), keyid: '' }] };
      const body = {
        apiVersion: '0.0.1',
        kind: 'dsse',
        spec: {
          envelopeHash: { algorithm: 'sha256', value: createHash('sha256').update(JSON.stringify(envelope)).digest('hex') },
          payloadHash: { algorithm: 'sha256', value: createHash('sha256').update(payload).digest('hex') },
          signatures: [{ signature: b64(signature), verifier: b64(Buffer.from(pem(cert, 'CERTIFICATE'))) }],
        },
      };
      return {
        mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
        verificationMaterial: { certificate: { rawBytes: b64(cert) }, ...(await material(body, 'dsse', signature, options)) },
        dsseEnvelope: envelope,
      };
    },
    async signBlobWithKey(data) {
      const keys = ecKey();
      const publicKeyPem = pem(spki(keys.publicKey), 'PUBLIC KEY');
      const signature = sign('sha256', data, keys.privateKey);
      const tlogEntry = await logEntry(hashedRekord(data, signature, publicKeyPem), 'hashedrekord', { identity: '', issuer: '' });
      const hint = b64(createHash('sha256').update(spki(keys.publicKey)).digest());
      return {
        publicKeyPem,
        bundle: {
          mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
          verificationMaterial: { publicKey: { hint }, tlogEntries: [tlogEntry], timestampVerificationData: {} },
          messageSignature: {
            messageDigest: { algorithm: 'SHA2_256', digest: b64(createHash('sha256').update(data).digest()) },
            signature: b64(signature),
          },
        },
      };
    },
  };
}
