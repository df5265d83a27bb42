import { type AgentFileInput, agentFileType } from '@trustgate/attribution';
import { httpStatus, type RepoRef } from './types.js';
import type { GitHub } from './types.js';

/**
 * The changed files agents read (MCP configs, skills, instruction files), as they are at the PR head: read through
 * the contents API, never checked out or run. A path gone at the head was removed (or renamed away).
 */
export async function changedAgentFiles(
  github: GitHub,
  repo: RepoRef,
  headSha: string,
  changed: readonly string[],
): Promise<AgentFileInput[]> {
  const manifests = changed.filter((p) => /(^|\/)SKILL\.md$/i.test(p));
  const paths = changed.filter((p) => agentFileType(p, manifests));
  return Promise.all(
    paths.map(async (path): Promise<AgentFileInput> => {
      try {
        const { data } = await github.rest.repos.getContent({ ...repo, path, ref: headSha });
        if (Array.isArray(data) || data.type !== 'file' || typeof data.content !== 'string') return { path, changed: true, removed: true };
        // Past 1 MB the contents API answers without the content: the file cannot be judged, which is never a pass.
        if (data.content === '' && data.size > 0)
          return { path, changed: true, unreadable: `the contents API did not return its ${data.size} bytes (files over 1 MB)` };
        return { path, changed: true, bytes: new Uint8Array(Buffer.from(data.content, 'base64')) };
      } catch (err) {
        if (httpStatus(err) === 404) return { path, changed: true, removed: true };
        throw err;
      }
    }),
  );
}
