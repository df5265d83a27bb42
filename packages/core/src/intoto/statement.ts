/** in-toto Statement v1 (https://in-toto.io/Statement/v1). */
export const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';

export interface ResourceDescriptor {
  name?: string;
  uri?: string;
  digest: Record<string, string>;
  annotations?: Record<string, unknown>;
}

export interface Statement<P = unknown> {
  _type: typeof STATEMENT_TYPE;
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

/** Shape check of untrusted JSON claiming to be a Statement; returns a reason on failure. */
export function checkStatement(value: unknown): { ok: true; statement: Statement } | { ok: false; reason: string } {
  if (typeof value !== 'object' || value === null) return { ok: false, reason: 'not a JSON object' };
  const v = value as Record<string, unknown>;
  if (v._type !== STATEMENT_TYPE) return { ok: false, reason: `_type is ${JSON.stringify(v._type)}, expected ${STATEMENT_TYPE}` };
  if (!Array.isArray(v.subject) || v.subject.length === 0) return { ok: false, reason: 'subject must be a non-empty array' };
  for (const s of v.subject as unknown[]) {
    const d = (s as { digest?: unknown } | null)?.digest;
    if (typeof d !== 'object' || d === null || Object.keys(d).length === 0) return { ok: false, reason: 'every subject needs a digest' };
    if (Object.values(d).some((x) => typeof x !== 'string')) return { ok: false, reason: 'subject digests must be strings' };
  }
  if (typeof v.predicateType !== 'string' || v.predicateType === '') return { ok: false, reason: 'predicateType must be a string' };
  return { ok: true, statement: v as unknown as Statement };
}
