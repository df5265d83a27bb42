import { PREDICATE_TYPES, type SignerIdentity } from '@trustgate/core';
import { classify } from './classify.js';
import type { BundleVerifier, EvidenceItem, IgnoredEvidence, RawEvidence, SignerRole, VerifiedAttestation } from './types.js';

export interface VerifiedEvidence {
  items: EvidenceItem[];
  ignored: IgnoredEvidence[];
}

const ROLES: readonly SignerRole[] = ['evidence', 'signature', 'provenance'];

/**
 * Roles a bundle can serve, from the predicate type its DSSE payload claims: only provenance is judged
 * against the build workflows, and provenance never stands in for other evidence. Reading the claim before
 * verifying only narrows what is tried (the verified Statement is that same payload), and halves the work.
 */
function rolesFor(bundle: unknown): readonly SignerRole[] {
  const claimed = claimedPredicateType(bundle);
  if (claimed === PREDICATE_TYPES.slsaProvenance) return ['signature', 'provenance'];
  if (claimed === undefined) return ROLES;
  return ['evidence', 'signature'];
}

function claimedPredicateType(bundle: unknown): string | undefined {
  const payload = (bundle as { dsseEnvelope?: { payload?: unknown } }).dsseEnvelope?.payload;
  if (typeof payload !== 'string') return undefined;
  try {
    const type = (JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as { predicateType?: unknown }).predicateType;
    return typeof type === 'string' ? type : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Verify every document against each role's signers. Only bundles that verify become evidence; bare
 * Statements are unsigned and malformed or failing bundles unverifiable: all are reported, none counted.
 */
export async function verifyEvidence(
  raws: readonly RawEvidence[],
  signers: Readonly<Record<SignerRole, readonly SignerIdentity[]>>,
  verifyBundle: BundleVerifier,
): Promise<VerifiedEvidence> {
  const verified: VerifiedEvidence = { items: [], ignored: [] };
  // The same bundle twice (two copies, a file and the API) is one piece of evidence.
  const first = new Map<string, string>();
  const unique = raws.filter((raw) => {
    const earlier = first.get(raw.sha256);
    if (earlier === undefined) {
      first.set(raw.sha256, raw.origin);
      return true;
    }
    verified.ignored.push({ origin: raw.origin, kind: 'duplicate', reason: `the same document as ${earlier}` });
    return false;
  });
  const outcomes = await Promise.all(unique.map((raw) => verifyOne(raw, signers, verifyBundle)));
  for (const o of outcomes) {
    if ('kind' in o) verified.ignored.push(o);
    else verified.items.push(o);
  }
  return verified;
}

async function verifyOne(
  raw: RawEvidence,
  signers: Readonly<Record<SignerRole, readonly SignerIdentity[]>>,
  verifyBundle: BundleVerifier,
): Promise<EvidenceItem | IgnoredEvidence> {
  const c = classify(raw);
  if (c.kind === 'malformed') return { origin: raw.origin, kind: 'malformed', reason: c.reason };
  if (c.kind === 'statement') {
    return {
      origin: raw.origin,
      kind: 'unsigned',
      predicateType: c.statement.predicateType,
      reason: 'a bare Statement is not signed; pass its Sigstore bundle (e.g. from actions/attest) instead',
    };
  }
  const roles: SignerRole[] = [];
  const failures: string[] = [];
  let first: VerifiedAttestation | undefined;
  for (const role of rolesFor(c.bundle)) {
    const list = signers[role];
    if (list.length === 0) continue;
    try {
      const result = await verifyBundle(c.bundle, list);
      first ??= result;
      roles.push(role);
    } catch (err) {
      failures.push(`${role} signers: ${(err as Error).message}`);
    }
  }
  if (first === undefined) {
    const reason = failures.length > 0 ? failures.join('; ') : 'the policy names no signers (evidenceSigners) to verify it against';
    return { origin: raw.origin, kind: 'unverifiable', reason };
  }
  // The predicate's own time is the signer's claim, not evidence of when it signed: only a verified time counts.
  const time = first.signedAt?.toISOString();
  return {
    origin: raw.origin,
    sha256: raw.sha256,
    statement: first.statement,
    predicateType: first.statement.predicateType,
    roles,
    signer: first.signer,
    ...(time === undefined ? {} : { time }),
  };
}
