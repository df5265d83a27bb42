import { ScannerError } from '../errors.js';

/** A model repository on a Hub and the revision asked for (branch, tag or commit; `main` when none). */
export interface RemoteReference {
  repo: string;
  revision: string;
  /** Whether the revision was given (the model-source policy asks for pinned ones). */
  pinned: boolean;
}

export const DEFAULT_ENDPOINT = 'https://huggingface.co';
const HUB_HOSTS = new Set(['huggingface.co', 'www.huggingface.co', 'hf.co']);
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Whether a PATH argument names a Hub repository rather than a file (`hf://...`, a Hub or HF_ENDPOINT URL). */
export function isRemoteReference(arg: string, endpoint = DEFAULT_ENDPOINT): boolean {
  if (arg.startsWith('hf://')) return true;
  try {
    const url = new URL(arg);
    return HUB_HOSTS.has(url.hostname) || url.origin === new URL(endpoint).origin;
  } catch {
    return false;
  }
}

function repoOf(owner: string | undefined, model: string | undefined, arg: string): string {
  if (owner === undefined || model === undefined || !NAME.test(owner) || !NAME.test(model) || model.includes('..'))
    throw new ScannerError(
      'SCAN_REMOTE_REFERENCE',
      `${arg} does not name a model repository; use hf://owner/model[@revision] or https://huggingface.co/owner/model[/tree/revision]`,
      { file: arg },
    );
  return `${owner}/${model}`;
}

/**
 * `hf://owner/model[@revision]` (HfFileSystem's form) or `https://huggingface.co/owner/model[/tree|resolve|blob/revision]`.
 * Datasets and Spaces are not models: they are refused rather than guessed at.
 */
export function parseRemoteReference(arg: string): RemoteReference {
  let owner: string | undefined;
  let model: string | undefined;
  let revision: string | undefined;
  if (arg.startsWith('hf://')) {
    const rest = arg.slice('hf://'.length).replace(/\/+$/, '');
    const [repo, rev, ...more] = rest.split('@');
    [owner, model] = (repo ?? '').split('/');
    if (more.length > 0 || (repo ?? '').split('/').length !== 2) owner = undefined;
    revision = rev;
  } else {
    const segments = new URL(arg).pathname.split('/').filter((s) => s !== '');
    [owner, model] = segments;
    const kind = segments[2];
    if (kind !== undefined && !['tree', 'resolve', 'blob'].includes(kind)) owner = undefined;
    if (kind !== undefined) revision = segments[3] === undefined ? undefined : decodeURIComponent(segments[3]);
  }
  const repo = repoOf(owner, model, arg);
  if (revision !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(revision))
    throw new ScannerError('SCAN_REMOTE_REFERENCE', `${arg}: "${revision}" is not a branch, tag or commit`, { file: arg });
  return { repo, revision: revision ?? 'main', pinned: revision !== undefined };
}
