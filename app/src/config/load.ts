import { createHash } from 'node:crypto';
import { ConfigError, type Policy, parsePolicy } from '@trustgate/core';
import { AppError } from '../errors.js';
import { type GitHub, httpStatus, type RepoRef } from '../github/types.js';

export const POLICY_PATH = '.github/trustgate.yml';
/** The org-wide default lives in the organisation's `.github` repository, as GitHub's community files do. */
export const ORG_REPOSITORY = '.github';

export type LoadedPolicy =
  | { kind: 'none' }
  | { kind: 'ok'; policy: Policy; source: string; sha256: string }
  | { kind: 'invalid'; error: ConfigError; source: string };

/**
 * The policy that governs a change to `ref` (the BASE branch, never the PR head, so a pull request cannot loosen its
 * own rules): the repository's file, else the org default, else none. A file that exists but cannot be read is an
 * error (fail closed), never "no policy".
 */
export async function loadPolicy(github: GitHub, repo: RepoRef, ref: string): Promise<LoadedPolicy> {
  const own = await readFile(github, repo, POLICY_PATH, ref);
  if (own !== undefined) return parse(own, `${repo.owner}/${repo.repo}@${ref}:${POLICY_PATH}`);
  if (repo.repo === ORG_REPOSITORY) return { kind: 'none' };
  const org = await readFile(github, { owner: repo.owner, repo: ORG_REPOSITORY }, POLICY_PATH, undefined);
  if (org !== undefined) return parse(org, `${repo.owner}/${ORG_REPOSITORY}:${POLICY_PATH}`);
  return { kind: 'none' };
}

/**
 * Parsed policies by file and content. Every delivery reads the policy again (it may change on the base branch at any
 * time), but the same text always parses to the same verdict, so YAML and schema validation run once per version.
 */
const parsed = new Map<string, LoadedPolicy>();
const PARSED_LIMIT = 256;

function parse(text: string, source: string): LoadedPolicy {
  const sha256 = createHash('sha256').update(text).digest('hex');
  const key = `${source}\n${sha256}`;
  const known = parsed.get(key);
  if (known) return known;
  let loaded: LoadedPolicy;
  try {
    loaded = { kind: 'ok', policy: deepFreeze(parsePolicy(text, source)), source, sha256 };
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    loaded = { kind: 'invalid', error: err, source };
  }
  // Oldest first out: a Map iterates in insertion order.
  if (parsed.size >= PARSED_LIMIT) parsed.delete(parsed.keys().next().value as string);
  parsed.set(key, loaded);
  return loaded;
}

/** A shared policy is read by many deliveries: none may change it for the others. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** File text at `ref`, or undefined when the file (or the repository) does not exist. */
async function readFile(github: GitHub, repo: RepoRef, path: string, ref: string | undefined): Promise<string | undefined> {
  try {
    const { data } = await github.rest.repos.getContent({ ...repo, path, ...(ref ? { ref } : {}) });
    if (Array.isArray(data) || data.type !== 'file' || typeof data.content !== 'string') {
      throw new AppError('APP_CONFIG_UNREADABLE', `${repo.owner}/${repo.repo}:${path} is not a file; make it a YAML file`);
    }
    return Buffer.from(data.content, 'base64').toString('utf8');
  } catch (err) {
    if (httpStatus(err) === 404) return undefined;
    if (err instanceof AppError) throw err;
    throw new AppError(
      'APP_CONFIG_UNREADABLE',
      `cannot read ${repo.owner}/${repo.repo}:${path}${ref ? `@${ref}` : ''} (${(err as Error).message}); check the App's contents permission`,
      { cause: err },
    );
  }
}
