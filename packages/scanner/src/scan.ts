import { existsSync, readdirSync, realpathSync, type Stats, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildReport,
  buildStatement,
  type Completeness,
  type FindingVerdict,
  type FileResult,
  fileProblem,
  PREDICATE_TYPES,
  type Report,
  type ReportSummary,
  ruleCatalog,
  type SarifOptions,
  type ScanPolicy,
  type Statement,
  TRUSTGATE_VERSION,
  toSarif,
  type Verdict,
} from '@trustgate/core/base';
import type { Analysis, ModelMetadata } from './analyser.js';
import { withAdvisories } from './advisories.js';
import { analyseSource } from './dispatch.js';
import { ScannerError } from './errors.js';
import { openFileSource } from './io/file-source.js';
import { EXTRA_FORMAT_RULES } from './formats/extra-rules.js';
import { finding, RULES, SCANNER_RULES } from './rules.js';
import { type FileSelection, fileSelector } from './select.js';
import { SOURCE_RULES } from './sources/rules.js';

export interface ScanOptions {
  policy: ScanPolicy;
  /** Resolve relative PATH arguments against this directory. */
  cwd?: string;
  /** Threads that scan: this one and the rest as worker threads; default: one per core. 0 or 1 scans in this thread. */
  workers?: number;
  /** Called after each file (for a progress display). */
  onProgress?: (done: number, total: number, path: string) => void;
  /** Which files of the directories walked are scanned (include/exclude globs; VCS directories skipped by default). */
  select?: FileSelection;
  /**
   * Compute each file's whole-file sha256 (default true). Only outputs that name files by digest need it (the JSON
   * report, the Statement, the ML-BOM); the analysis itself reads only headers, pickles and directories.
   */
  digest?: boolean;
  /** How long the scan runs in this thread before it may hand the remaining files to workers (default 100 ms; 0 starts them at once). */
  inThreadMs?: number;
}

/** One file to scan: where it is on disk and how it is reported (PATH + "/" + relative path). */
export interface ScanJob {
  file: string;
  display: string;
}

/**
 * Every regular file under the PATH arguments, in a stable order, yielded as the walk finds it. A missing PATH is an error before anything is
 * yielded, not a skip. The selection applies to what the walk finds: a PATH named explicitly is scanned even when
 * it is excluded.
 */
export async function* walkFiles(paths: readonly string[], cwd: string, select: FileSelection = {}): AsyncGenerator<ScanJob> {
  const selector = await fileSelector(select);
  const rel = (abs: string) => {
    const r = relative(cwd, abs);
    return r.startsWith('..') || isAbsolute(r) ? abs : r;
  };
  const roots: { abs: string; display: string; directory: boolean }[] = [];
  for (const p of paths) {
    const abs = resolve(cwd, p);
    let st: Stats;
    try {
      // Synchronous walk: a few calls per directory, and each async one waits for a thread-pool thread, which on a
      // loaded machine costs more than scanning a small file.
      st = statSync(abs);
    } catch (cause) {
      throw new ScannerError('SCAN_PATH_NOT_FOUND', `cannot read ${p}: ${fileProblem(cause)}`, {
        cause,
        file: p,
      });
    }
    roots.push({ abs, display: p.length > 1 ? p.replace(/\/+$/, '') : p, directory: st.isDirectory() });
  }
  for (const { abs, display, directory } of roots)
    if (directory) yield* walk(abs, display, new Set([realpathSync.native(abs)]), (f, d) => selector(rel(f), d));
    else yield { file: abs, display };
}

type Keep = (file: string, isDir: boolean) => boolean;

async function* walk(dir: string, display: string, visited: Set<string>, keep: Keep): AsyncGenerator<ScanJob> {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const file = join(dir, e.name);
    const shown = `${display}/${e.name}`;
    let isDir = e.isDirectory();
    if (e.isSymbolicLink()) {
      try {
        isDir = statSync(file).isDirectory();
      } catch {
        if (keep(file, false)) yield { file, display: shown };
        continue;
      }
    }
    if (!keep(file, isDir)) continue;
    if (isDir) {
      const real = realpathSync.native(file);
      if (visited.has(real)) continue;
      visited.add(real);
      yield* walk(file, shown, visited, keep);
    } else if (e.isFile() || e.isSymbolicLink()) yield { file, display: shown };
  }
}

function flatten(m: ModelMetadata | undefined): Record<string, string> | undefined {
  if (!m) return undefined;
  const out: Record<string, string> = {};
  for (const k of ['framework', 'formatVersion', 'opset', 'producer'] as const) if (m[k] !== undefined) out[k] = m[k] as string;
  for (const [k, v] of Object.entries(m.properties ?? {})) out[k] = v;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The report row of one analysed file (on disk or remote). */
export function fileResult(path: string, size: number, analysis: Analysis, sha256: string | undefined): FileResult {
  const result: FileResult = {
    path,
    format: analysis.format,
    ...(sha256 === undefined ? {} : { sha256 }),
    size,
    verdict: analysis.verdict,
    findingVerdict: analysis.findingVerdict,
    completeness: analysis.completeness,
    findings: analysis.findings,
  };
  const metadata = flatten(analysis.metadata);
  if (metadata) result.metadata = metadata;
  return result;
}

/**
 * Analyse one file on disk (its digest, when an output needs one, is scanPaths' to compute beside it); an
 * unreadable file is an `error` result, never a skip.
 */
export async function scanFile(job: ScanJob, policy: ScanPolicy): Promise<FileResult> {
  try {
    const source = await openFileSource(job.file, job.display);
    try {
      return fileResult(job.display, source.size, await analyseSource(source, policy), undefined);
    } finally {
      await source.close();
    }
  } catch (cause) {
    return unreadable(job, (cause as NodeJS.ErrnoException).code ?? (cause as Error).message);
  }
}

function unreadable(job: ScanJob, code: string): FileResult {
  return {
    path: job.display,
    format: 'unknown',
    sha256: '',
    verdict: 'error',
    findingVerdict: 'safe',
    completeness: 'failed',
    findings: [finding(RULES.readError, `cannot read the file (${code})`, { path: job.display })],
  };
}

/** The result with its digest in the place fileResult gives it (after the format, as the JSON report lists it). */
function withDigest(r: FileResult, sha256: string): FileResult {
  const { path, format, ...rest } = r;
  return { path, format, sha256, ...rest };
}

// Built by name at run time so bundlers (ncc) do not copy an unbundled worker next to the bundle. worker.js and
// digest-worker.js are beside tsc's scan.js, and beside the CLI bundle (scripts/build.mjs); an action's bundle has
// neither and scans (and hashes) in its own thread.
const here = dirname(fileURLToPath(import.meta.url));
const WORKER = join(here, ['worker', 'js'].join('.'));
const DIGEST_WORKER = join(here, ['digest-worker', 'js'].join('.'));
// A scan worker loads every analyser before its first file (a few hundred milliseconds of CPU): a scan starts in
// this thread and hands the rest to workers only once it has run IN_THREAD_MS and the files left would, at the
// pace so far, take longer than WORKERS_PAY_OFF_MS here (and longer than the digests still to compute).
const IN_THREAD_MS = 100;
const WORKERS_PAY_OFF_MS = 400;
/**
 * Files a worker is handed at once, and batches it holds: it never waits for this thread between files. Batches
 * shrink as the scan goes (a share of what is left, between BATCH_MIN and BATCH_MAX): this thread also scans, and
 * on a loaded machine it can be off the CPU for a few milliseconds at a time, so a worker holds enough to outlast
 * that, and the last batches stay small so no thread is left with a long tail.
 */
const BATCH_MIN = 8;
const BATCH_MAX = 256;
const IN_FLIGHT = 2;

// Not performance.now(): the global loads perf_hooks (~3 ms) on first use.
const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

type Digested = { sha256: string } | { error: string };

/**
 * Scan every file under the paths; results keep the listing order. Files are analysed in this thread first and,
 * when the scan outlasts IN_THREAD_MS, by this thread and worker threads, one thread per core. Digests (when asked) run beside the
 * analysis: in this thread for one file, else in hashing threads, one file per core at a time.
 */
export async function scanPaths(paths: readonly string[], options: ScanOptions): Promise<FileResult[]> {
  const jobs: ScanJob[] = [];
  for await (const job of walkFiles(paths, options.cwd ?? process.cwd(), options.select)) jobs.push(job);
  const results: FileResult[] = new Array(jobs.length);
  const cores = availableParallelism();
  // The hashing modules (node:crypto, worker_threads) load only for the outputs that carry digests.
  const pool =
    (options.digest ?? true)
      ? new (await import('./io/digest-pool.js')).DigestPool(
          jobs.length > 1 ? Math.min(cores, jobs.length) : 0,
          existsSync(DIGEST_WORKER) ? DIGEST_WORKER : undefined,
        )
      : undefined;
  // Settled up front, so a file that cannot be hashed is an `error` result when its turn comes, not a crash.
  const digests = pool
    ? jobs.map((j) =>
        pool.hash(j.file).then(
          (sha256): Digested => ({ sha256 }),
          (e: Error & { code?: string }): Digested => ({ error: e.code ?? e.message }),
        ),
      )
    : undefined;
  let done = 0;
  const finishing: Promise<void>[] = [];
  const finished = new Uint8Array(jobs.length);
  const finish = (i: number, r: FileResult) => {
    if (finished[i]) return;
    finished[i] = 1;
    finishing.push(
      (async () => {
        const d = await digests?.[i];
        // A file the analysis could not read keeps that result; one the hash could not read becomes it.
        results[i] =
          d === undefined || r.sha256 === '' ? r : 'sha256' in d ? withDigest(r, d.sha256) : unreadable(jobs[i] as ScanJob, d.error);
        options.onProgress?.(++done, jobs.length, r.path);
      })(),
    );
  };
  const scanHere = async (i: number) => finish(i, await scanFile(jobs[i] as ScanJob, options.policy));
  try {
    const threads = Math.min(options.workers ?? cores, jobs.length);
    // Workers run the compiled worker.js; from TypeScript sources (tests) everything runs in this thread.
    const pooled = threads > 1 && existsSync(WORKER);
    const started = nowMs();
    const inThreadMs = options.inThreadMs ?? IN_THREAD_MS;
    const handOff = (done: number) => {
      const elapsed = nowMs() - started;
      if (!pooled || elapsed < inThreadMs) return false;
      if (done === 0) return true;
      const analysisLeft = (elapsed / done) * (jobs.length - done);
      // While the hashing threads are further behind than the analysis, the cores are busy with digests and scan
      // workers would only take time from them.
      const digestsLeft = !pool?.pending ? 0 : pool.completed === 0 ? Number.POSITIVE_INFINITY : (elapsed / pool.completed) * pool.pending;
      return analysisLeft > WORKERS_PAY_OFF_MS && analysisLeft > digestsLeft;
    };
    let next = 0;
    while (next < jobs.length && !handOff(next)) await scanHere(next++);
    if (next < jobs.length) {
      const { Worker } = await import('node:worker_threads');
      // This thread is one of the scanning threads: one isolate fewer to start and warm up than a worker per core
      // beside an idle thread, and this one is warm already.
      const count = Math.min(threads - 1, jobs.length - next);
      const take = () => (next < jobs.length ? next++ : undefined);
      const batchSize = () => Math.max(BATCH_MIN, Math.min(BATCH_MAX, Math.ceil((jobs.length - next) / (4 * threads))));
      const here = async () => {
        for (let i = take(); i !== undefined; i = take()) {
          await scanHere(i);
          // A file's analysis is microtasks only: give the workers' messages (and their next batch) a turn.
          await new Promise((resolve) => setImmediate(resolve));
        }
      };
      await Promise.all([
        ...Array.from({ length: count }, () =>
          feedWorker(new Worker(WORKER, { workerData: { policy: options.policy } }), jobs, take, batchSize, finish, scanHere),
        ),
        here(),
      ]);
    }
    await Promise.all(finishing);
  } finally {
    await pool?.close();
  }
  return results;
}

/**
 * One worker's share: batches of batchSize() files, IN_FLIGHT at a time, until none are left; a worker that dies
 * (failed to start, out of memory) hands its files and the rest to this thread.
 */
function feedWorker(
  worker: import('node:worker_threads').Worker,
  jobs: readonly ScanJob[],
  take: () => number | undefined,
  batchSize: () => number,
  finish: (i: number, r: FileResult) => void,
  scanHere: (i: number) => Promise<void>,
): Promise<void> {
  return new Promise<void>((resolveAll, rejectAll) => {
    const pending = new Set<number>();
    let outstanding = 0;
    let dead = false;
    const send = () => {
      const batch: { index: number; job: ScanJob }[] = [];
      const size = batchSize();
      for (let i = take(); i !== undefined; i = batch.length < size ? take() : undefined) {
        pending.add(i);
        batch.push({ index: i, job: jobs[i] as ScanJob });
      }
      if (batch.length === 0) return;
      outstanding++;
      worker.postMessage(batch);
    };
    const settle = () => {
      if (outstanding > 0) return;
      void worker.terminate();
      resolveAll();
    };
    worker.on('message', (answers: { index: number; result: FileResult }[]) => {
      for (const a of answers) {
        pending.delete(a.index);
        finish(a.index, a.result);
      }
      outstanding--;
      send();
      settle();
    });
    worker.on('error', () => {
      if (dead) return;
      dead = true;
      void (async () => {
        for (const i of pending) await scanHere(i);
        pending.clear();
        for (let i = take(); i !== undefined; i = take()) await scanHere(i);
        resolveAll();
      })().catch(rejectAll);
    });
    for (let k = 0; k < IN_FLIGHT; k++) send();
    settle();
  });
}

export interface ScanStatementPredicate {
  scanner: { name: string; version: string };
  summary: ReportSummary;
  files: {
    path: string;
    sha256: string;
    format: string;
    verdict: Verdict;
    findingVerdict: FindingVerdict;
    completeness: Completeness;
    rules: string[];
  }[];
}

/** The in-toto Statement of a scan: one subject per scanned file (by sha256), the summary and per-file verdicts. */
export function scanStatement(report: Report): Statement<ScanStatementPredicate> {
  const files = report.files.map((f) => ({
    path: f.path,
    sha256: f.sha256 ?? '',
    format: f.format,
    verdict: f.verdict,
    findingVerdict: f.findingVerdict,
    completeness: f.completeness,
    rules: [...new Set(f.findings.map((x) => x.rule))].sort(),
  }));
  const subjects = report.files.flatMap((f) => (f.sha256 ? [{ name: f.path, digest: { sha256: f.sha256 } }] : []));
  if (subjects.length === 0)
    throw new ScannerError('SCAN_IO_ERROR', 'no readable file was scanned, so there is nothing to attest; check the scanned paths');
  return buildStatement(subjects, PREDICATE_TYPES.scan, { scanner: report.tool, summary: report.summary, files });
}

/** Scan the paths and summarise under the policy's failOn: the report every face prints. */
export async function scanReport(paths: readonly string[], options: ScanOptions): Promise<Report> {
  const files = await scanPaths(paths, options);
  return buildReport(files, options.policy.failOn, { name: 'trustgate', version: TRUSTGATE_VERSION });
}

/** SARIF 2.1.0 of a scan report with the scanner's rule descriptors. */
export function scanSarif(report: Report, options: SarifOptions = {}): object {
  return toSarif(report, ruleCatalog(...[SCANNER_RULES, EXTRA_FORMAT_RULES, SOURCE_RULES].map(withAdvisories)), options);
}
