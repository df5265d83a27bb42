import { createHash } from 'node:crypto';
import { buildReport, type FileResult, type Report, type ScanPolicy, TRUSTGATE_VERSION } from '@trustgate/core/base';
import type { Analysis } from '../analyser.js';
import { conclude } from '../conclude.js';
import { analyseSource } from '../dispatch.js';
import { ScannerError } from '../errors.js';
import { type FetchMeter, openRangeSource, type RangeSource } from '../io/range-source.js';
import { finding, RULES } from '../rules.js';
import { fileResult } from '../scan.js';
import { type FileSelection, fileSelector } from '../select.js';
import { type HubOptions, openRepository, type RemoteFile, type RemoteRepository, resolveUrl } from './hub.js';
import { parseRemoteReference } from './reference.js';

export interface RemoteScanOptions {
  policy: ScanPolicy;
  hub: HubOptions;
  /** Each file's sha256: the LFS oid the Hub lists, else the file read whole (small non-LFS files). */
  digest?: boolean;
  select?: FileSelection;
  onProgress?: (done: number, total: number, path: string) => void;
  /** Files read at once: a remote scan waits on round trips, not on the CPU. */
  concurrency?: number;
}

const LFS_POINTER = new TextEncoder().encode('version https://git-lfs.github.com/spec/v1');
/** Pointer files are about 130 bytes; anything this small is checked. */
const POINTER_MAX = 1024;

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/** A file that could not be read as served; what an analysis found before the read broke stays when it is `unsafe`. */
function failed(path: string, size: number, message: string, fetchedBytes: number, partial?: Analysis): FileResult {
  const found = partial?.findingVerdict === 'unsafe' ? partial.findings : [];
  const analysis = conclude(partial?.format ?? 'unknown', [finding(RULES.readError, message, { path }), ...found], [], undefined, 'failed');
  return { ...fileResult(path, size, analysis, undefined), fetchedBytes };
}

/** One file read through ranges; a read that failed makes the verdict `error` (or keeps `unsafe`), never a pass. */
async function scanRemoteFile(
  repo: RemoteRepository,
  file: RemoteFile,
  display: string,
  options: RemoteScanOptions,
  meter: FetchMeter,
): Promise<FileResult> {
  const source: RangeSource = openRangeSource({
    url: resolveUrl(options.hub, repo.repo, repo.commit, file.path),
    name: display,
    size: file.size,
    headers: options.hub.token ? { Authorization: `Bearer ${options.hub.token}` } : {},
    expect: { commit: repo.commit, ...(file.lfs ? { etag: file.lfs.oid } : {}) },
    meter,
    ...(options.hub.fetch ? { fetch: options.hub.fetch } : {}),
  });
  let analysis: Analysis | undefined;
  try {
    if (!file.lfs && file.size <= POINTER_MAX && startsWith(await source.read(0, LFS_POINTER.length), LFS_POINTER))
      return failed(
        display,
        file.size,
        'a Git LFS pointer, not the file: the object it names was never uploaded, so there is nothing to analyse',
        source.fetchedBytes,
      );
    analysis = await analyseSource(source, options.policy);
    let sha256: string | undefined;
    if (options.digest && source.failure === undefined)
      sha256 =
        file.lfs?.oid ??
        createHash('sha256')
          .update(await source.read(0, file.size))
          .digest('hex');
    if (source.failure === undefined) return { ...fileResult(display, file.size, analysis, sha256), fetchedBytes: source.fetchedBytes };
  } catch {
    // The failure is kept on the source: analysers may have swallowed the same error as a parse error.
  }
  const failure = source.failure;
  if (failure === undefined) return failed(display, file.size, 'the file could not be read', source.fetchedBytes);
  if (failure.code === 'REMOTE_ACCESS')
    throw new ScannerError('SCAN_REMOTE_ACCESS', `${repo.repo}: ${failure.message}`, { cause: failure, file: display });
  return failed(display, file.size, `${failure.message} (${failure.code})`, source.fetchedBytes, analysis);
}

/**
 * Scan a model repository before downloading it: list its files through the Hub API, pin the revision to its commit,
 * and read only what the analysers ask for with range requests. The report says what was fetched of how much.
 */
export async function scanRemote(reference: string, options: RemoteScanOptions): Promise<Report> {
  const ref = parseRemoteReference(reference);
  const repo = await openRepository(ref, options.hub);
  if (repo.gated !== false && options.hub.token === undefined)
    throw new ScannerError(
      'SCAN_REMOTE_ACCESS',
      `${repo.repo} is gated (${repo.gated}): accept its terms on the Hub and set HF_TOKEN to a token with access`,
      { file: reference },
    );
  const keep = await fileSelector(options.select ?? {});
  const files = repo.files.filter((f) =>
    f.path.split('/').every((_, i, parts) => keep(parts.slice(0, i + 1).join('/'), i < parts.length - 1)),
  );
  const meter: FetchMeter = { bytes: 0, requests: 0 };
  const results: FileResult[] = new Array(files.length);
  let next = 0;
  let done = 0;
  const lane = async () => {
    while (next < files.length) {
      const i = next++;
      const file = files[i] as RemoteFile;
      const display = `hf://${repo.repo}@${repo.commit}/${file.path}`;
      results[i] = await scanRemoteFile(repo, file, display, options, meter);
      options.onProgress?.(++done, files.length, display);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 4, files.length)) }, lane));
  const report = buildReport(results, options.policy.failOn, { name: 'trustgate', version: TRUSTGATE_VERSION });
  return {
    ...report,
    remote: {
      reference,
      endpoint: options.hub.endpoint,
      repository: repo.repo,
      revision: repo.revision,
      commit: repo.commit,
      bytesInRepository: repo.files.reduce((n, f) => n + f.size, 0),
      bytesFetched: meter.bytes,
      requests: meter.requests,
    },
  };
}
