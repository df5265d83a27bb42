/** in-toto Statement v1 (https://in-toto.io/Statement/v1). */
export const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
/** The earlier Statement v0.1, still signed by some producers (same layout, `predicate` required). */
export const STATEMENT_TYPE_V01 = 'https://in-toto.io/Statement/v0.1';

export interface ResourceDescriptor {
  name?: string;
  uri?: string;
  digest: Record<string, string>;
  annotations?: Record<string, unknown>;
}

export interface Statement<P = unknown> {
  _type: typeof STATEMENT_TYPE | typeof STATEMENT_TYPE_V01;
  subject: ResourceDescriptor[];
  predicateType: string;
  predicate: P;
}

/** trustgate's own predicate types, one per face that emits evidence. */
export const PREDICATE_TYPES = {
  scan: 'https://trustgate.dev/scan/v1',
  verification: 'https://trustgate.dev/verification/v1',
  aiTag: 'https://trustgate.dev/ai-tag/v1',
  vsa: 'https://slsa.dev/verification_summary/v1',
  slsaProvenance: 'https://slsa.dev/provenance/v1',
} as const;

export function buildStatement<P>(subject: ResourceDescriptor[], predicateType: string, predicate: P): Statement<P> {
  if (subject.length === 0) throw new TypeError('an in-toto statement needs at least one subject');
  for (const s of subject) {
    if (Object.keys(s.digest).length === 0) throw new TypeError(`subject ${s.name ?? s.uri ?? '?'} has no digest`);
  }
  return { _type: STATEMENT_TYPE, subject, predicateType, predicate };
}

/** Hex lengths of the digest algorithms in-toto's DigestSet names (https://github.com/in-toto/attestation/blob/main/spec/v1/digest_set.md). */
const HEX_DIGESTS: Readonly<Record<string, number>> = {
  sha224: 56,
  sha256: 64,
  sha384: 96,
  sha512: 128,
  sha512_224: 56,
  sha512_256: 64,
  sha3_224: 56,
  sha3_256: 64,
  sha3_384: 96,
  sha3_512: 128,
  sha1: 40,
  md5: 32,
  gitCommit: -1,
  gitTree: -1,
  gitBlob: -1,
};

/**
 * Schema check of untrusted JSON claiming to be a Statement (v1 or v0.1), returning a reason on failure: every
 * subject an object with a non-empty DigestSet whose known algorithms carry hex of the right length, a
 * predicateType, and (v0.1 always, v1 when present) an object predicate. Anything else is refused, never assumed.
 */
export function checkStatement(value: unknown): { ok: true; statement: Statement } | { ok: false; reason: string } {
  if (!isRecord(value)) return { ok: false, reason: 'not a JSON object' };
  if (value._type !== STATEMENT_TYPE && value._type !== STATEMENT_TYPE_V01) {
    return { ok: false, reason: `_type is ${JSON.stringify(value._type)}, expected ${STATEMENT_TYPE} (or ${STATEMENT_TYPE_V01})` };
  }
  if (!Array.isArray(value.subject) || value.subject.length === 0) return { ok: false, reason: 'subject must be a non-empty array' };
  for (const [i, s] of (value.subject as unknown[]).entries()) {
    const problem = subjectProblem(s);
    if (problem) return { ok: false, reason: `subject[${i}]: ${problem}` };
  }
  if (typeof value.predicateType !== 'string' || value.predicateType === '') return { ok: false, reason: 'predicateType must be a string' };
  const required = value._type === STATEMENT_TYPE_V01;
  if ((required || value.predicate !== undefined) && !isRecord(value.predicate)) {
    return { ok: false, reason: `predicate must be a JSON object${required ? ' (required in Statement v0.1)' : ''}` };
  }
  return { ok: true, statement: value as unknown as Statement };
}

function subjectProblem(s: unknown): string | undefined {
  if (!isRecord(s)) return 'not an object';
  if (s.name !== undefined && typeof s.name !== 'string') return 'name must be a string';
  if (s.uri !== undefined && typeof s.uri !== 'string') return 'uri must be a string';
  if (!isRecord(s.digest) || Object.keys(s.digest).length === 0) return 'needs a digest';
  for (const [algorithm, hex] of Object.entries(s.digest)) {
    if (typeof hex !== 'string' || hex === '') return `digest ${algorithm} must be a non-empty string`;
    const length = HEX_DIGESTS[algorithm];
    if (length === undefined) continue;
    if (!/^[0-9a-fA-F]+$/.test(hex) || (length > 0 && hex.length !== length) || (length < 0 && hex.length !== 40 && hex.length !== 64)) {
      return `digest ${algorithm} is not ${length > 0 ? length : '40 or 64'} hex characters`;
    }
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
