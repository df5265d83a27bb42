import { checkStatement, type Statement } from '@trustgate/core';
import type { RawEvidence } from './types.js';

export type Classified =
  | { kind: 'bundle'; raw: RawEvidence; bundle: unknown }
  | { kind: 'statement'; raw: RawEvidence; statement: Statement }
  | { kind: 'malformed'; raw: RawEvidence; reason: string };

const BUNDLE_MEDIA_TYPE = /^application\/vnd\.dev\.sigstore\.bundle(\.v0\.\d+)?\+json/;

/** Sort an untrusted document into bundle, bare Statement, or neither (attacker-controlled: no assumptions). */
export function classify(raw: RawEvidence): Classified {
  const doc = raw.document;
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return { kind: 'malformed', raw, reason: 'not a JSON object (expected a Sigstore bundle or an in-toto Statement)' };
  }
  const record = doc as Record<string, unknown>;
  if (typeof record.mediaType === 'string' && BUNDLE_MEDIA_TYPE.test(record.mediaType)) {
    return { kind: 'bundle', raw, bundle: doc };
  }
  if ('_type' in record) {
    const checked = checkStatement(doc);
    if (!checked.ok) return { kind: 'malformed', raw, reason: `not a valid in-toto Statement: ${checked.reason}` };
    return { kind: 'statement', raw, statement: checked.statement };
  }
  if ('payloadType' in record && 'signatures' in record) {
    return { kind: 'malformed', raw, reason: 'a bare DSSE envelope carries no certificate to verify; supply the Sigstore bundle' };
  }
  return { kind: 'malformed', raw, reason: 'neither a Sigstore bundle (mediaType) nor an in-toto Statement (_type)' };
}
