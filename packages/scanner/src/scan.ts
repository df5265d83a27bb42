import { existsSync, readdirSync, realpathSync, type Stats, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
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
  /** Worker threads; default: one per core. 0 scans in this thread. */
  workers?: number;
  /** Called after each file (for a progress display); `total` counts the files found so far, as the walk streams. */
  onProgress?: (done: number, total: number, path: string) => void;
  /** Which files of the directories walked are scanned (include/exclude globs; VCS directories skipped by default). */
  select?: FileSelection;
  /**
   * Compute each file's whole-file sha256 (default true). Only outputs that name files by digest need it (the JSON
   * report, the Statement, the ML-BOM); the analysis itself reads only headers, pickles and directories.
   */
  digest?: boolean;
}

/** One file to scan: where it is on disk and how it is reported (PATH + "/" + relative path). */
export interface ScanJob {
  file: string;
  display: string;
}

/**
 * Every regular file under the PATH arguments, in a stable order, yielded as the walk finds it (a directory of
 * 10,000 files is scanned while it is listed, never held as a list). A missing PATH is an error before anything is
 * yielded, not a skip. The selection applies to what the walk finds: a PATH named explicitly is scanned even when
 * it is excluded.
 */
export async function* walkFiles(paths: readonly string[], cwd: string, select: FileSelection = {}): AsyncGenerator<ScanJob> {
  const selector = fileSelector(select);
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

const DIGEST_CHUNK = 4 << 20;

/**
 * Two reused 4 MiB buffers: the next read runs on the I/O pool while this thread hashes the last one, so hashing a
 * 2 GiB checkpoint costs 8 MiB of memory and runs at the slower of disk and SHA-256, not their sum.
 */
export async function sha256File(file: string, size: number): Promise<string> {
  // node:crypto costs ~20 ms to load: only the runs whose outputs carry digests pay it.
  const hash = (await import('node:crypto')).createHash('sha256');
  const handle = await open(file, 'r');
  try {
    const chunk = Math.max(1, Math.min(size, DIGEST_CHUNK));
    let full = Buffer.allocUnsafe(chunk);
    let spare = Buffer.allocUnsafe(chunk);
    let position = 0;
    let pending = handle.read(full, 0, chunk, 0);
    for (;;) {
      const { bytesRead } = await pending;
      if (bytesRead === 0) break;
      position += bytesRead;
      pending = handle.read(spare, 0, chunk, position);
      hash.update(full.subarray(0, bytesRead));
      [full, spare] = [spare, full];
    }
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
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

/** Analyse (and hash, when asked) one file on disk; an unreadable file is an `error` result, never a skip. */
export async function scanFile(job: ScanJob, policy: ScanPolicy, digest = true): Promise<FileResult> {
  try {
    const source = await openFileSource(job.file, job.display);
    try {
      const [analysis, sha256] = await Promise.all([analyseSource(source, policy), digest ? sha256File(job.file, source.size) : undefined]);
      return fileResult(job.display, source.size, analysis, sha256);
    } finally {
      await source.close();
    }
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code ?? (cause as Error).message;
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
}

// Built by name at run time so bundlers (ncc) do not copy an unbundled worker next to the bundle. worker.js is beside
// tsc's scan.js, and beside the CLI bundle's chunks (scripts/build.mjs); an action's bundle has none and scans in
// its own thread.
const WORKER = join(dirname(fileURLToPath(import.meta.url)), ['worker', 'js'].join('.'));

/** Files a worker is handed at once, and batches it holds: it never waits for this thread between files. */
const BATCH = 8;
const IN_FLIGHT = 2;

type Found = { index: number; job: ScanJob };

/**
 * Scan every file under the paths, using worker threads across cores; results keep the listing order. The walk is
 * pulled as workers take files, so at most workers x BATCH x IN_FLIGHT files are listed ahead of the scan.
 */
export async function scanPaths(paths: readonly string[], options: ScanOptions): Promise<FileResult[]> {
  const walker = walkFiles(paths, options.cwd ?? process.cwd(), options.select);
  const results: FileResult[] = [];
  let found = 0;
  let done = 0;
  const take = async (): Promise<Found | undefined> => {
    const next = await walker.next();
    return next.done ? undefined : { index: found++, job: next.value };
  };
  const finish = (i: number, r: FileResult) => {
    results[i] = r;
    options.onProgress?.(++done, found, r.path);
  };
  const digest = options.digest ?? true;
  const scanHere = async (f: Found) => finish(f.index, await scanFile(f.job, options.policy, digest));
  const wanted = options.workers ?? availableParallelism();
  // Workers run the compiled worker script; from TypeScript sources (tests) everything runs in this thread.
  const script = wanted > 1 && existsSync(WORKER) ? WORKER : undefined;
  const first: Found[] = [];
  for (let f = script ? await take() : undefined; f; f = first.length < wanted ? await take() : undefined) first.push(f);
  if (!script || first.length <= 1) {
    for (const f of first) await scanHere(f);
    for (let f = await take(); f; f = await take()) await scanHere(f);
    return results;
  }
  const { Worker } = await import('node:worker_threads');
  const workers = first.map(() => new Worker(script, { workerData: { policy: options.policy, digest } }));
  try {
    await Promise.all(workers.map((worker, w) => feedWorker(worker, first[w] as Found, take, finish, scanHere)));
  } finally {
    for (const worker of workers) void worker.terminate();
  }
  return results;
}

/** One worker's share: batches pulled from the walk until it ends; a worker that dies hands its files to this thread. */
function feedWorker(
  worker: import('node:worker_threads').Worker,
  first: Found,
  take: () => Promise<Found | undefined>,
  finish: (i: number, r: FileResult) => void,
  scanHere: (f: Found) => Promise<void>,
): Promise<void> {
  return new Promise<void>((resolveAll, rejectAll) => {
    // Handed to the worker and not yet answered; batches at the worker; batches being pulled from the walk.
    const pending = new Map<number, Found>();
    let outstanding = 0;
    const pulling = new Set<Promise<void>>();
    let ended = false;
    let dead = false;
    const settle = () => {
      if (ended && outstanding === 0 && pulling.size === 0) resolveAll();
    };
    const refill = (seed?: Found) => {
      const pull = (async () => {
        const batch = seed ? [seed] : [];
        while (batch.length < BATCH) {
          const f = await take();
          if (!f) {
            ended = true;
            break;
          }
          batch.push(f);
        }
        if (dead) for (const f of batch) await scanHere(f);
        else if (batch.length > 0) {
          for (const f of batch) pending.set(f.index, f);
          outstanding++;
          worker.postMessage(batch);
        }
      })();
      pulling.add(pull);
      pull.then(() => {
        pulling.delete(pull);
        if (!dead) settle();
      }, rejectAll);
    };
    worker.on('message', (answers: { index: number; result: FileResult }[]) => {
      for (const a of answers) {
        pending.delete(a.index);
        finish(a.index, a.result);
      }
      outstanding--;
      if (ended) settle();
      else refill();
    });
    worker.on('error', () => {
      // A worker that dies (failed to start, out of memory) hands its files and the rest of the walk to this thread.
      dead = true;
      void (async () => {
        await Promise.all([...pulling]);
        for (const f of pending.values()) await scanHere(f);
        pending.clear();
        for (let f = await take(); f; f = await take()) await scanHere(f);
        resolveAll();
      })().catch(rejectAll);
    });
    refill(first);
    for (let i = 1; i < IN_FLIGHT; i++) refill();
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
