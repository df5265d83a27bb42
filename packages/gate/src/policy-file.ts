import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ConfigError, fileProblem, type PromotionPolicy, parsePolicy } from '@trustgate/core';

export interface LoadedPromotionPolicy {
  policy: PromotionPolicy;
  /** Recorded in the decision Statement: which policy, and exactly which bytes of it, decided. */
  source: { uri: string; sha256: string };
}

/** Read a trustgate policy file and keep its `promotion:` section with the digest of the file's bytes. */
export async function loadPromotionPolicy(file: string, cwd = '.'): Promise<LoadedPromotionPolicy> {
  let bytes: Buffer;
  try {
    bytes = await readFile(resolve(cwd, file));
  } catch (cause) {
    throw new ConfigError('CONFIG_NOT_FOUND', file, [{ line: 1, column: 1, message: `cannot read policy file: ${fileProblem(cause)}` }], {
      cause,
    });
  }
  const policy = parsePolicy(bytes.toString('utf8'), file).promotion;
  return { policy, source: { uri: file, sha256: createHash('sha256').update(bytes).digest('hex') } };
}
