import type { Statement } from '@trustgate/core';
import { VerifyError } from '../errors.js';
import type { ModelHashType } from './hash-range.js';

export const MODEL_SIGNING_PREDICATE = 'https://model_signing/signature/v1.0';
/** The pre-1.0 predicate: resources are the Statement's subjects. */
export const MODEL_SIGNING_DIGESTS_PREDICATE = 'https://model_signing/Digests/v0.1';

/** What the signature says the model is: how it was serialised and each resource's digest. */
export interface SignedManifest {
  method: 'files' | 'shards';
  hashType: ModelHashType;
  shardSize?: number;
  allowSymlinks: boolean;
  ignorePaths: string[];
  /** resource name (`path` or `path:start:end`) -> hex digest */
  resources: Map<string, string>;
}

/** Read the manifest out of a verified Statement. Attacker-controlled shape: anything unexpected is STATEMENT_INVALID. */
export function manifestFromStatement(statement: Statement): SignedManifest {
  if (statement.predicateType === MODEL_SIGNING_DIGESTS_PREDICATE) {
    const resources = new Map<string, string>();
    for (const s of statement.subject) resources.set(checkName(s.name ?? ''), hex(s.digest.sha256));
    return { method: 'files', hashType: 'sha256', allowSymlinks: false, ignorePaths: [], resources };
  }
  if (statement.predicateType !== MODEL_SIGNING_PREDICATE) {
    throw new VerifyError(
      'PREDICATE_TYPE_MISMATCH',
      `the signature's predicate is ${statement.predicateType}, expected ${MODEL_SIGNING_PREDICATE}`,
    );
  }
  const predicate = statement.predicate as { serialization?: Record<string, unknown>; resources?: unknown };
  const ser = predicate?.serialization;
  if (typeof ser !== 'object' || ser === null || !Array.isArray(predicate.resources)) {
    throw new VerifyError('STATEMENT_INVALID', 'the model signature has no serialization or resources');
  }
  const method = ser.method;
  if (method !== 'files' && method !== 'shards')
    throw new VerifyError('STATEMENT_INVALID', `unsupported serialization method ${JSON.stringify(method)}`);
  const hashType = ser.hash_type;
  if (hashType !== 'sha256' && hashType !== 'blake2' && hashType !== 'blake3') {
    throw new VerifyError(
      'STATEMENT_INVALID',
      `unsupported hash_type ${JSON.stringify(hashType)}; trustgate supports sha256, blake2, blake3`,
    );
  }
  const resources = new Map<string, string>();
  for (const r of predicate.resources as Array<{ name?: unknown; digest?: unknown }>) {
    if (typeof r?.name !== 'string') throw new VerifyError('STATEMENT_INVALID', 'a resource of the model signature has no name');
    checkName(method === 'shards' ? r.name.replace(/:\d+:\d+$/, '') : r.name);
    resources.set(r.name, hex(r.digest));
  }
  const manifest: SignedManifest = {
    method,
    hashType,
    allowSymlinks: ser.allow_symlinks === true,
    ignorePaths: Array.isArray(ser.ignore_paths) ? ser.ignore_paths.filter((p): p is string => typeof p === 'string') : [],
    resources,
  };
  if (method === 'shards') {
    const size = Number(ser.shard_size);
    if (!Number.isSafeInteger(size) || size <= 0)
      throw new VerifyError('STATEMENT_INVALID', `invalid shard_size ${String(ser.shard_size)}`);
    manifest.shardSize = size;
  }
  return manifest;
}

function hex(value: unknown): string {
  if (typeof value !== 'string' || !/^[0-9a-fA-F]+$/.test(value))
    throw new VerifyError('STATEMENT_INVALID', 'a resource digest is not hex');
  return value.toLowerCase();
}

/** A signed name must stay inside the model: no absolute paths, no `..`, no backslashes. */
export function checkName(name: string): string {
  if (name === '.') return name;
  if (
    name === '' ||
    name.startsWith('/') ||
    /^[A-Za-z]:/.test(name) ||
    name.includes('\\') ||
    name.split('/').some((p) => p === '..' || p === '')
  ) {
    throw new VerifyError(
      'MODEL_PATH_UNSAFE',
      `the signature names ${JSON.stringify(name)}, which is not a relative path inside the model`,
    );
  }
  return name;
}
