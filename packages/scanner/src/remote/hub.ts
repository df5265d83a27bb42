import { ScannerError } from '../errors.js';
import type { RemoteReference } from './reference.js';

/** Where the Hub is and who asks: `HF_ENDPOINT` and `HF_TOKEN`, as huggingface_hub reads them. */
export interface HubOptions {
  endpoint: string;
  token?: string;
  fetch?: typeof fetch;
}

export interface RemoteFile {
  path: string;
  size: number;
  /** Git LFS object: its sha256 (`oid`) is the file's digest without downloading it. */
  lfs?: { oid: string; size: number };
}

/** A repository at one commit: the revision asked for is resolved once, every read names the commit. */
export interface RemoteRepository {
  repo: string;
  revision: string;
  commit: string;
  gated: false | 'auto' | 'manual';
  files: RemoteFile[];
}

type HubModule = typeof import('@huggingface/hub');

function hubError(hubModule: HubModule, err: unknown, ref: RemoteReference, endpoint: string): ScannerError {
  const at = `${ref.repo}@${ref.revision}`;
  if (err instanceof hubModule.HubApiError) {
    if (err.statusCode === 401 || err.statusCode === 403)
      return new ScannerError(
        'SCAN_REMOTE_ACCESS',
        `${at}: the Hub refused access (HTTP ${err.statusCode}); the repository is private or gated: accept its terms and set HF_TOKEN`,
        { cause: err, file: ref.repo },
      );
    if (err.statusCode === 404)
      return new ScannerError('SCAN_REMOTE_NOT_FOUND', `${at}: no such model repository or revision on ${endpoint}`, {
        cause: err,
        file: ref.repo,
      });
    return new ScannerError('SCAN_REMOTE_HTTP', `${at}: the Hub answered HTTP ${err.statusCode}`, { cause: err, file: ref.repo });
  }
  return new ScannerError('SCAN_REMOTE_HTTP', `${at}: cannot read the repository from ${endpoint} (${(err as Error).message})`, {
    cause: err,
    file: ref.repo,
  });
}

/** The repository's commit and every file in it (recursive tree listing), through the Hub API. */
export async function openRepository(ref: RemoteReference, hub: HubOptions): Promise<RemoteRepository> {
  // Loaded here, not at start-up: a local scan never pays for the Hub client.
  const hubModule = await import('@huggingface/hub');
  const { listFiles, modelInfo } = hubModule;
  const credentials = hub.token === undefined ? {} : { accessToken: hub.token };
  const common = { hubUrl: hub.endpoint.replace(/\/+$/, ''), ...(hub.fetch ? { fetch: hub.fetch } : {}), ...credentials };
  try {
    const info = await modelInfo({ ...common, name: ref.repo, revision: ref.revision, additionalFields: ['sha'] });
    const commit = (info as { sha?: unknown }).sha;
    if (typeof commit !== 'string' || !/^[0-9a-f]{40}$/.test(commit))
      throw new ScannerError('SCAN_REMOTE_HTTP', `${ref.repo}@${ref.revision}: the Hub did not name the revision's commit`, {
        file: ref.repo,
      });
    const files: RemoteFile[] = [];
    for await (const entry of listFiles({ ...common, repo: ref.repo, revision: commit, recursive: true })) {
      if (entry.type !== 'file') continue;
      files.push({ path: entry.path, size: entry.size, ...(entry.lfs ? { lfs: { oid: entry.lfs.oid, size: entry.lfs.size } } : {}) });
    }
    files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { repo: ref.repo, revision: ref.revision, commit, gated: info.gated, files };
  } catch (err) {
    throw err instanceof ScannerError ? err : hubError(hubModule, err, ref, hub.endpoint);
  }
}

/** The URL of one file at the commit; path segments encoded as the Hub expects. */
export function resolveUrl(hub: HubOptions, repo: string, commit: string, path: string): string {
  return `${hub.endpoint.replace(/\/+$/, '')}/${repo}/resolve/${commit}/${path.split('/').map(encodeURIComponent).join('/')}`;
}
