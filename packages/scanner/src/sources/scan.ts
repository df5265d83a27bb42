import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FileResult, Finding, ScanPolicy } from '@trustgate/core/base';
import { verdictOf } from '../formats/shared/analysis.js';
import { judgeReference, type SourcesPolicy } from './policy.js';
import { findReferences } from './references.js';
import { type RemoteScanner, type RemoteScanOutcome, requiredScanFindings } from './remote-gate.js';

/** Code and config files where model references live. */
const EXTENSIONS = new Set([
  '.py',
  '.ipynb',
  '.js',
  '.mjs',
  '.cjs',
  '.ts',
  '.tsx',
  '.jsx',
  '.yaml',
  '.yml',
  '.json',
  '.toml',
  '.cfg',
  '.ini',
  '.sh',
  '.env',
  '.txt',
  '.md',
  '.r',
  '.jl',
  '.go',
  '.rs',
  '.java',
  '.kt',
  '.scala',
]);
const NAMES = new Set(['Dockerfile', 'Makefile', 'Containerfile', 'Modelfile']);
const SKIP_DIRS = new Set([
  '.git',
  'node_modules',
  '.venv',
  'venv',
  '__pycache__',
  'site-packages',
  '.tox',
  'dist',
  'build',
  '.mypy_cache',
]);
const MAX_FILE_BYTES = 2 * 1024 * 1024;

export const SOURCES_FORMAT = 'model-references';

export interface ReferenceScanOptions {
  /** Scans a pinned model before download, for scan.sources.requireRemoteScan; without it such references fail. */
  scanRemote?: RemoteScanner;
  /** Scans already done in this run, by `hf://org/name@commit` (shared across PATH arguments). */
  scans?: Map<string, Promise<RemoteScanOutcome>>;
}

async function* walk(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && !SKIP_DIRS.has(entry.name)) yield* walk(full);
    else if (entry.isFile() && (EXTENSIONS.has(path.extname(entry.name).toLowerCase()) || NAMES.has(entry.name))) yield full;
  }
}

function sourcesPolicy(policy: ScanPolicy | undefined): SourcesPolicy {
  return { allow: policy?.sources?.allow ?? [], block: policy?.sources?.block ?? [] };
}

/** Findings for one file's text: each model reference the policy does not allow, at its line and column. */
export function referenceFindings(text: string, display: string, policy: ScanPolicy | undefined): Finding[] {
  const rules = sourcesPolicy(policy);
  const findings: Finding[] = [];
  for (const ref of findReferences(text)) {
    const decision = judgeReference(ref, rules);
    if (decision === 'allowed') continue;
    const location = { path: display, line: ref.line, column: ref.column };
    const what = ref.kind === 'huggingface' ? `Hugging Face model ${ref.id}` : `model host ${ref.host}`;
    findings.push(
      decision === 'blocked'
        ? {
            rule: 'TG-SRC-002',
            severity: 'critical',
            message: `${what} (via ${ref.via}) is on the scan.sources.block list; remove it.`,
            location,
            evidence: ref.id,
          }
        : {
            rule: 'TG-SRC-001',
            severity: 'high',
            message: `${what} (via ${ref.via}) is not on the scan.sources.allow list; vet it and add it, or use an approved model.`,
            location,
            evidence: ref.id,
          },
    );
  }
  return findings;
}

/**
 * Walks a repository (or one file) for model references and returns one result per file that has any finding.
 * Paths are shown as found under `shownAs` (the PATH as the user gave it, + "/" + relative path), like the scan report.
 */
export async function findModelReferences(
  root: string,
  policy: ScanPolicy | undefined,
  shownAs = root,
  options: ReferenceScanOptions = {},
): Promise<FileResult[]> {
  const scans = options.scans ?? new Map<string, Promise<RemoteScanOutcome>>();
  const info = await stat(root);
  const files = info.isDirectory()
    ? walk(root)
    : (async function* () {
        yield root;
      })();
  const results: FileResult[] = [];
  for await (const file of files) {
    if ((await stat(file)).size > MAX_FILE_BYTES) continue;
    const bytes = await readFile(file);
    if (bytes.includes(0)) continue;
    const display = info.isDirectory() ? `${shownAs.replace(/\/+$/, '')}/${path.relative(root, file).split(path.sep).join('/')}` : shownAs;
    const text = bytes.toString('utf8');
    const findings = [
      ...referenceFindings(text, display, policy),
      ...(await requiredScanFindings(text, display, policy, options.scanRemote, scans)),
    ];
    if (findings.length === 0) continue;
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const found = verdictOf(findings);
    results.push({
      path: display,
      format: SOURCES_FORMAT,
      sha256,
      size: bytes.length,
      verdict: found,
      findingVerdict: found,
      completeness: 'complete',
      findings,
    });
  }
  return results.sort((a, b) => a.path.localeCompare(b.path));
}
