import { GateError } from '../errors.js';
import { type GitHubClient, githubGet } from './github-api.js';

/** What the verification of a release asset needs from `GET /repos/{owner}/{repo}/releases/tags/{tag}`. */
export interface GitHubRelease {
  id: number;
  tagName: string;
  /** GitHub's immutable-release flag: only an immutable release carries a release attestation. */
  immutable: boolean;
  assets: { name: string; digest: string | null }[];
  url: string;
}

const PERMISSION = 'contents: read';

function split(repo: string): { owner: string; repo: string } {
  const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(repo);
  if (!m) throw new GateError('RELEASE_NOT_FOUND', `repository ${JSON.stringify(repo)} must be OWNER/REPO`);
  return { owner: m[1] as string, repo: m[2] as string };
}

function notFound(what: string, repo: string): GateError {
  return new GateError(
    'RELEASE_NOT_FOUND',
    `${what} not found in ${repo}; check the tag and --repo (a private repository needs GITHUB_TOKEN or GH_TOKEN)`,
  );
}

/** The release of a tag. The answer is attacker-reachable: its fields are checked, never assumed. */
export async function releaseByTag(client: GitHubClient, repo: string, tag: string): Promise<GitHubRelease> {
  const answer = await githubGet(client, {
    route: 'GET /repos/{owner}/{repo}/releases/tags/{tag}',
    params: { ...split(repo), tag },
    permission: PERMISSION,
  });
  if (answer.status === 404) throw notFound(`release ${tag}`, repo);
  const body = answer.body as { id?: unknown; tag_name?: unknown; immutable?: unknown; assets?: unknown } | null;
  if (typeof body?.id !== 'number' || body.tag_name !== tag || !Array.isArray(body.assets)) {
    throw new GateError('ATTESTATIONS_API_ERROR', `${answer.url} did not answer the release of tag ${tag}`);
  }
  const assets = body.assets.flatMap((a: { name?: unknown; digest?: unknown } | null) =>
    typeof a?.name === 'string' ? [{ name: a.name, digest: typeof a.digest === 'string' ? a.digest : null }] : [],
  );
  return { id: body.id, tagName: tag, immutable: body.immutable === true, assets, url: answer.url };
}

/**
 * What the tag points at (`GET /repos/{owner}/{repo}/git/ref/tags/{tag}`): the object GitHub's release attestation
 * names as `sha1:<sha>`, as `gh release verify` reads it (for an annotated tag, the tag object).
 */
export async function tagCommit(client: GitHubClient, repo: string, tag: string): Promise<string> {
  const answer = await githubGet(client, {
    route: 'GET /repos/{owner}/{repo}/git/ref/{ref}',
    params: { ...split(repo), ref: `tags/${tag}` },
    permission: PERMISSION,
  });
  if (answer.status === 404) throw notFound(`tag ${tag}`, repo);
  const body = answer.body as { ref?: unknown; object?: { sha?: unknown } } | null;
  const sha = body?.object?.sha;
  if (body?.ref !== `refs/tags/${tag}` || typeof sha !== 'string' || !/^[0-9a-f]{40}$/.test(sha)) {
    throw new GateError('ATTESTATIONS_API_ERROR', `${answer.url} did not answer the ref of tag ${tag}`);
  }
  return sha;
}
