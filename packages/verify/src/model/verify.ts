import { stat } from 'node:fs/promises';
import path from 'node:path';
import { asTrustgateError } from '@trustgate/core';
import { resolveRoots } from '../blob.js';
import { parseBundle } from '../bundle/load.js';
import { type SignerPolicy, type VerifiedSigner, verifyBundle } from '../bundle/verify.js';
import { VerifyError } from '../errors.js';
import type { LoadedTrustedRoots, TrustedRootInput } from '../trust/root.js';
import { compareManifests, describeDifferences, type ModelDifference } from './compare.js';
import { hashAll } from './hash-pool.js';
import type { HashJob } from './hash-range.js';
import { manifestFromStatement, type SignedManifest } from './manifest.js';
import { DEFAULT_IGNORED, listModelFiles, type ModelFile } from './walk.js';

export interface VerifyModelOptions {
  policy: SignerPolicy;
  trustedRoot?: TrustedRootInput | LoadedTrustedRoots;
  /** Extra paths to ignore (relative to the model, or absolute inside it), on top of the signed ones and git's. */
  ignorePaths?: readonly string[];
  /** Where the signature lives; ignored when it is inside the model. */
  signatureFile?: string;
  threads?: number;
}

export interface VerifiedModel {
  signer: VerifiedSigner;
  /** The signed model name (the Statement's subject) and its manifest digest. */
  subject: { name: string; sha256: string };
  method: SignedManifest['method'];
  hashType: SignedManifest['hashType'];
  files: number;
  bytes: number;
  trustedRootSource: string;
  warnings: string[];
}

/**
 * Verify an OpenSSF model signature (model_signing's `model.sig`): the Sigstore bundle first, then the manifest
 * it signs against the model on disk. Differences are reported file by file (MANIFEST_MISMATCH, `details`).
 */
export async function verifyModel(modelPath: string, signatureJson: unknown, options: VerifyModelOptions): Promise<VerifiedModel> {
  const bundle = parseBundle(signatureJson, options.signatureFile ?? 'model signature');
  const verified = verifyBundle(bundle, { policy: options.policy, roots: resolveRoots(options.trustedRoot), requireLog: false });
  if (!verified.statement) throw new VerifyError('STATEMENT_INVALID', 'the model signature does not carry an in-toto Statement');
  const manifest = manifestFromStatement(verified.statement);
  const subject = verified.statement.subject[0];

  const files = await modelFiles(modelPath, manifest, options);
  const jobs: HashJob[] = [];
  const names: string[] = [];
  const actual = new Map<string, string | undefined>();
  for (const f of files) {
    for (const name of resourceNames(f, manifest)) {
      actual.set(name, undefined);
      // Only signed resources are worth hashing; anything else is extra whatever its content.
      if (!manifest.resources.has(name)) continue;
      const [start, end] =
        name === f.name || name === '.'
          ? []
          : (name
              .slice(f.name.length + 1)
              .split(':')
              .map(Number) as [number, number]);
      jobs.push({ file: f.file, hashType: manifest.hashType, ...(start === undefined ? {} : { start, end }) });
      names.push(name);
    }
  }
  let digests: string[];
  try {
    digests = await hashAll(jobs, { threads: options.threads });
  } catch (cause) {
    throw new VerifyError('IO_ERROR', `cannot read the model at ${modelPath}: ${(cause as Error).message}`, { cause, file: modelPath });
  }
  for (const [i, n] of names.entries()) actual.set(n, digests[i]);
  const differences: ModelDifference[] = compareManifests(manifest.resources, actual);
  if (differences.length > 0) {
    throw new VerifyError(
      'MANIFEST_MISMATCH',
      `the model at ${modelPath} differs from what was signed: ${describeDifferences(differences)}`,
      {
        file: modelPath,
        details: { differences },
      },
    );
  }
  return {
    signer: verified.signer,
    subject: { name: subject?.name ?? path.basename(modelPath), sha256: subject?.digest.sha256 ?? '' },
    method: manifest.method,
    hashType: manifest.hashType,
    files: files.length,
    bytes: files.reduce((n, f) => n + f.size, 0),
    trustedRootSource: verified.trustedRootSource,
    warnings: verified.warnings,
  };
}

async function modelFiles(modelPath: string, manifest: SignedManifest, options: VerifyModelOptions): Promise<ModelFile[]> {
  let st: Awaited<ReturnType<typeof stat>>;
  try {
    st = await stat(modelPath);
  } catch (cause) {
    throw new VerifyError('IO_ERROR', `model: ${asTrustgateError(cause, modelPath).message}`, { cause, file: modelPath });
  }
  // A single-file model is recorded as the resource ".".
  if (st.isFile()) return [{ name: manifest.resources.has('.') ? '.' : path.basename(modelPath), file: modelPath, size: st.size }];
  const root = path.resolve(modelPath);
  const inside = (p: string) => {
    const rel = path.relative(root, path.resolve(root, p));
    return rel.startsWith('..') || path.isAbsolute(rel) ? undefined : rel.split(path.sep).join('/');
  };
  const ignore = [...DEFAULT_IGNORED, ...manifest.ignorePaths, ...(options.ignorePaths ?? [])].map(inside).filter((p): p is string => !!p);
  if (options.signatureFile) {
    const sig = inside(path.resolve(options.signatureFile));
    if (sig) ignore.push(sig);
  }
  return listModelFiles(root, { ignore, allowSymlinks: manifest.allowSymlinks });
}

/** The resource names a file contributes: itself, or one per shard (`path:start:end`; model_signing gives an empty file none). */
function resourceNames(file: ModelFile, manifest: SignedManifest): string[] {
  if (manifest.method === 'files' || file.name === '.') return [file.name];
  const size = manifest.shardSize as number;
  const out: string[] = [];
  for (let start = 0; start < file.size; start += size) out.push(`${file.name}:${start}:${Math.min(start + size, file.size)}`);
  return out;
}
