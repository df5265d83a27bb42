import { CoreError, TrustgateError } from './errors.js';

/**
 * Errors thrown by Node (fs, net), fetch and Octokit turned into ours: a stable code and a message that names the
 * file or host and says what to do, instead of a raw `ENOENT: no such file or directory, open '...'`.
 */

interface Errno {
  code?: unknown;
  syscall?: unknown;
  path?: unknown;
  dest?: unknown;
  address?: unknown;
  port?: unknown;
  hostname?: unknown;
  cause?: unknown;
  errors?: unknown;
}

const FILE_PROBLEMS: Record<string, [what: string, hint: string]> = {
  ENOENT: ['no such file or directory', 'check the path'],
  EACCES: ['permission denied', 'check its permissions'],
  EPERM: ['operation not permitted', 'check its permissions'],
  EISDIR: ['it is a directory', 'pass a file'],
  ENOTDIR: ['a component of the path is not a directory', 'check the path'],
  ENOSPC: ['no space left on the device', 'free some space'],
  EROFS: ['the file system is read-only', 'write somewhere writable'],
  EEXIST: ['it already exists', 'remove it or choose another name'],
  EMFILE: ['too many open files', 'raise the open-file limit (ulimit -n)'],
  ENAMETOOLONG: ['the name is too long', 'use a shorter path'],
  ELOOP: ['too many levels of symbolic links', 'check the links'],
  EBUSY: ['it is busy', 'retry when it is free'],
  EXDEV: ['it is on another device', 'write beside the target'],
};

const VERBS: Record<string, string> = {
  open: 'cannot open',
  read: 'cannot read',
  write: 'cannot write',
  mkdir: 'cannot create directory',
  rename: 'cannot replace',
  scandir: 'cannot list',
  opendir: 'cannot list',
  unlink: 'cannot remove',
  mkdtemp: 'cannot create a temporary directory in',
};

const NETWORK_PROBLEMS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'DNS lookup failed',
  ETIMEDOUT: 'timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EPIPE: 'connection closed',
  UND_ERR_CONNECT_TIMEOUT: 'connect timed out',
  UND_ERR_SOCKET: 'connection closed',
  CERT_HAS_EXPIRED: 'TLS certificate expired',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate not trusted',
  SELF_SIGNED_CERT_IN_CHAIN: 'TLS certificate not trusted',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS certificate not trusted',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS certificate is for another host',
};

/** The first error in the cause chain (and AggregateError members) with a network code, if any. */
function networkErrno(err: unknown, depth = 0): (Errno & { code: string }) | undefined {
  if (!err || typeof err !== 'object' || depth > 5) return undefined;
  const e = err as Errno;
  if (typeof e.code === 'string' && e.code in NETWORK_PROBLEMS) return e as Errno & { code: string };
  for (const inner of Array.isArray(e.errors) ? e.errors : []) {
    const found = networkErrno(inner, depth + 1);
    if (found) return found;
  }
  return networkErrno(e.cause, depth + 1);
}

/**
 * Why a request got no answer, from the network code anywhere in its cause chain (`fetch failed` says nothing):
 * `connection refused (ECONNREFUSED)`; else the innermost cause's first line (undici: `bad port`).
 */
export function networkProblem(err: unknown): string {
  const net = networkErrno(err);
  if (net) return `${NETWORK_PROBLEMS[net.code]} (${net.code})`;
  // Duck-typed, not instanceof: errors from another realm (a VM context, a worker) are errors too.
  const withMessage = (x: unknown): x is { message: string; cause?: unknown } =>
    !!x && typeof x === 'object' && typeof (x as { message?: unknown }).message === 'string';
  let inner = err;
  while (withMessage(inner) && withMessage(inner.cause)) inner = inner.cause;
  return (withMessage(inner) ? inner.message : String(inner)).split('\n')[0] as string;
}

function networkError(err: unknown, e: Errno & { code: string }, target?: string): CoreError {
  const where =
    target ??
    (typeof e.hostname === 'string'
      ? e.hostname
      : typeof e.address === 'string'
        ? `${e.address}${typeof e.port === 'number' ? `:${e.port}` : ''}`
        : 'the server');
  return new CoreError(
    'NETWORK_ERROR',
    `cannot reach ${where}: ${NETWORK_PROBLEMS[e.code]} (${e.code}); check the URL, that the service is running, and the network`,
    { cause: err },
  );
}

interface HttpError {
  name: string;
  status: number;
  message: string;
  request?: { method?: string; url?: string };
  response?: { data?: { message?: unknown } };
}

function isOctokitError(err: unknown): err is HttpError {
  const e = err as Partial<HttpError> | null;
  return !!e && e.name === 'HttpError' && typeof e.status === 'number';
}

const GITHUB_HINTS: Record<number, string> = {
  401: 'check GITHUB_TOKEN (missing, expired or revoked)',
  403: 'the token lacks a permission or hit a rate limit; check its permissions',
  404: 'check the owner/repository name and that the token can see it',
  422: 'GitHub rejected the request as invalid',
};

function githubError(err: HttpError): TrustgateError {
  const request = err.request?.url ? `${err.request.method ?? 'GET'} ${err.request.url.replace(/\?.*$/, '')}` : 'request';
  const said = typeof err.response?.data?.message === 'string' ? err.response.data.message : err.message.split(' - ')[0];
  const hint = GITHUB_HINTS[err.status] ?? (err.status >= 500 ? 'GitHub is failing; retry later' : 'check the request');
  return new CoreError('GITHUB_API_ERROR', `GitHub API ${request} answered ${err.status} (${said}); ${hint}`, { cause: err });
}

/** What went wrong with a file and what to do, from its errno: `no such file or directory; check the path`. */
export function fileProblem(err: unknown): string {
  const code = (err && typeof err === 'object' ? (err as Errno).code : undefined) as string | undefined;
  const known = code === undefined ? undefined : FILE_PROBLEMS[code];
  return known ? `${known[0]}; ${known[1]}` : `${code ?? 'I/O error'}; check the path`;
}

/**
 * Anything thrown, as a TrustgateError with a stable code; unknown errors become INTERNAL_ERROR (a bug to report).
 * `file` names the file when the error does not (a read of a directory reports EISDIR without a path).
 */
export function asTrustgateError(err: unknown, file?: string): TrustgateError {
  if (err instanceof TrustgateError) return err;
  if (isOctokitError(err)) {
    const net = networkErrno(err);
    return net ? networkError(err, net, err.request?.url && new URL(err.request.url).host) : githubError(err);
  }
  const e = (err && typeof err === 'object' ? err : {}) as Errno;
  const code = typeof e.code === 'string' ? e.code : undefined;
  const path = typeof e.path === 'string' ? e.path : file;
  if (code && code in FILE_PROBLEMS && path !== undefined) {
    const [what, hint] = FILE_PROBLEMS[code] as [string, string];
    const verb = VERBS[typeof e.syscall === 'string' ? e.syscall : ''] ?? 'cannot access';
    const named = e.syscall === 'rename' && typeof e.dest === 'string' ? e.dest : path;
    return new CoreError('IO_ERROR', `${verb} ${named}: ${what}; ${hint}`, { cause: err, file: named });
  }
  const net = networkErrno(err);
  if (net) return networkError(err, net);
  return new TrustgateError('INTERNAL_ERROR', err instanceof Error ? err.message : String(err), { cause: err });
}

/** Turn anything thrown into a code and a message; never print a stack trace to a user for an expected failure. */
export function describeError(err: unknown): { code: string; message: string } {
  const ours = asTrustgateError(err);
  return { code: ours.code, message: ours.message };
}
