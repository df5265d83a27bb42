import type { Completeness, Finding, FindingVerdict, Verdict } from '../verdict.js';

/** One analysed file: the unit every reporter prints. */
export interface FileResult {
  /** As found under the PATH argument (PATH + "/" + relative path for directories). */
  path: string;
  format: string;
  /** Whole-file SHA-256; absent when no output of the run needed it (text and SARIF reports). */
  sha256?: string;
  size?: number;
  /** The combined verdict (`combineVerdict(findingVerdict, completeness)`), kept for existing consumers. */
  verdict: Verdict;
  /** What the findings say, whatever could not be read. */
  findingVerdict: FindingVerdict;
  /** How much of the file was analysed. */
  completeness: Completeness;
  findings: Finding[];
  /** What the format tells about the model (framework, opset, producer...), for the ML-BOM. */
  metadata?: Record<string, string>;
  /** Remote scans: the bytes of this file that were downloaded to analyse it (range requests). */
  fetchedBytes?: number;
}

/** A scan of a model repository before download: where it read and what it cost next to the repository's size. */
export interface RemoteScan {
  /** As given: `hf://owner/model@revision` or a Hub URL. */
  reference: string;
  endpoint: string;
  repository: string;
  revision: string;
  /** The commit the revision resolved to; every file was read at it. */
  commit: string;
  bytesInRepository: number;
  bytesFetched: number;
  requests: number;
}

export interface ReportSummary {
  files: number;
  safe: number;
  review: number;
  unsafe: number;
  error: number;
  /** Files whose analysis was partial or failed (whatever their findings). */
  incomplete: number;
  verdict: Verdict;
  findingVerdict: FindingVerdict;
  completeness: Completeness;
  /** Whether the result blocks under the policy's fail-on verdicts. */
  blocking: boolean;
}

export interface Report {
  version: 1;
  tool: { name: string; version: string };
  files: FileResult[];
  summary: ReportSummary;
  remote?: RemoteScan;
}
