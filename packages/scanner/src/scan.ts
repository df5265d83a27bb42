import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { open, readdir, realpath, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
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
  /** Called after each file (for a progress display). */
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
 * Every regular file under the PATH arguments, in a stable order; a missing PATH is an error, not a skip. The
 * selection applies to what the walk finds: a PATH named explicitly is scanned even when it is excluded.
 */
export async function listFiles(paths: readonly string[], cwd: string, select: FileSelection = {}): Promise<ScanJob[]> {
  const jobs: ScanJob[] = [];
  const selector = fileSelector(select);
  const rel = (abs: string) => {
    const r = relative(cwd, abs);
    return r.startsWith('..') || isAbsolute(r) ? abs : r;
  };
  for (const p of paths) {
    const abs = resolve(cwd, p);
    let st: Awaited<ReturnType<typeof stat>>;
    try {
      st = await stat(abs);
    } catch (cause) {
      throw new ScannerError('SCAN_PATH_NOT_FOUND', `cannot read ${p}: ${fileProblem(cause)}`, {
        cause,
        file: p,
      });
    }
    const display = p.length > 1 ? p.replace(/\/+$/, '') : p;
    if (st.isDirectory()) await walk(abs, display, jobs, new Set([await realpath(abs)]), (f, d) => selector(rel(f), d));
    else jobs.push({ file: abs, display });
  }
  return jobs;
}

type Keep = (file: string, isDir: boolean) => boolean;

async function walk(dir: string, display: string, out: ScanJob[], visited: Set<string>, keep: Keep): Promise<void> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const file = join(dir, e.name);
    const shown = `${display}/${e.name}`;
    let isDir = e.isDirectory();
    if (e.isSymbolicLink()) {
      try {
        isDir = (await stat(file)).isDirectory();
      } catch {
        if (keep(file, false)) out.push({ file, display: shown });
        continue;
      }
    }
    if (!keep(file, isDir)) continue;
    if (isDir) {
      const real = await realpath(file);
      if (visited.has(real)) continue;
      visited.add(real);
      await walk(file, shown, out, visited, keep);
    } else if (e.isFile() || e.isSymbolicLink()) out.push({ file, display: shown });
  }
}

const DIGEST_CHUNK = 4 << 20;

/**
 * Two reused 4 MiB buffers: the next read runs on the I/O pool while this thread hashes the last one, so hashing a
 * 2 GiB checkpoint costs 8 MiB of memory and runs at the slower of disk and SHA-256, not their sum.
 */
export async function sha256File(file: string, size: number): Promise<string> {
  const hash = createHash('sha256');
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

// Built by name at run time so bundlers (ncc) do not copy an unbundled worker next to the bundle; a bundle has
// no worker file and scans in its own thread.
const WORKER = join(dirname(fileURLToPath(import.meta.url)), ['worker', 'js'].join('.'));

/** Scan every file under the paths, using worker threads across cores; results keep the listing order. */
export async function scanPaths(paths: readonly string[], options: ScanOptions): Promise<FileResult[]> {
  const jobs = await listFiles(paths, options.cwd ?? process.cwd(), options.select);
  const results: FileResult[] = new Array(jobs.length);
  let done = 0;
  const finish = (i: number, r: FileResult) => {
    results[i] = r;
    options.onProgress?.(++done, jobs.length, r.path);
  };
  const digest = options.digest ?? true;
  const threads = Math.min(options.workers ?? availableParallelism(), jobs.length);
  // Workers run the compiled worker.js; from TypeScript sources (tests) everything runs in this thread.
  if (threads <= 1 || !existsSync(WORKER)) {
    for (let i = 0; i < jobs.length; i++) finish(i, await scanFile(jobs[i] as ScanJob, options.policy, digest));
    return results;
  }
  let next = 0;
  await Promise.all(
    Array.from(
      { length: threads },
      () =>
        new Promise<void>((resolveAll) => {
          const worker = new Worker(WORKER, { workerData: { policy: options.policy, digest } });
          let current = -1;
          const feed = () => {
            if (next >= jobs.length) {
              void worker.terminate();
              resolveAll();
              return;
            }
            current = next++;
            worker.postMessage({ index: current, job: jobs[current] });
          };
          worker.on('message', (m: { index: number; result: FileResult }) => {
            finish(m.index, m.result);
            feed();
          });
          worker.on('error', () => {
            // A worker that dies (failed to start, out of memory) hands its job and the rest to this thread.
            void (async () => {
              if (current >= 0 && results[current] === undefined)
                finish(current, await scanFile(jobs[current] as ScanJob, options.policy, digest));
              while (next < jobs.length) {
                const i = next++;
                finish(i, await scanFile(jobs[i] as ScanJob, options.policy, digest));
              }
              resolveAll();
            })();
          });
          feed();
        }),
    ),
  );
  return results;
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
