import type { Completeness, Finding, FindingVerdict, ScanPolicy, Verdict } from '@trustgate/core/base';
import type { ByteSource } from './source.js';

/** What the ML-BOM records about a model file, where a format can tell. */
export interface ModelMetadata {
  framework?: string;
  formatVersion?: string;
  opset?: string;
  producer?: string;
  /** Free-form facts worth recording as BOM properties (tensor count, architecture, ...). */
  properties?: Record<string, string>;
}

export interface Analysis {
  /** Stable format id: `pickle`, `pytorch-zip`, `numpy`, `keras-h5`, `onnx`, `gguf`, `safetensors`, `unknown`, ... */
  format: string;
  findings: Finding[];
  /** `combineVerdict(findingVerdict, completeness)`: what the JSON report's `verdict` says. */
  verdict: Verdict;
  /** What the findings say (unsafe however little was read). */
  findingVerdict: FindingVerdict;
  /** How much of the source was analysed; anything but `complete` is never a pass. */
  completeness: Completeness;
  metadata?: ModelMetadata;
}

export interface AnalyserContext {
  source: ByteSource;
  policy: ScanPolicy;
  /** Container nesting depth of this source (0 for a file on disk). */
  depth: number;
  /** Run a nested source (archive member, embedded blob) through the whole sniff-and-dispatch pipeline. */
  scanNested(source: ByteSource): Promise<Analysis>;
}

/** One model format: recognised by its bytes (never its name), analysed without executing anything. */
export interface FormatAnalyser {
  format: string;
  /** `head` is the first bytes of the source (at least 4 KiB, or all of it when smaller). */
  sniff(head: Uint8Array, source: ByteSource): boolean;
  analyse(ctx: AnalyserContext): Promise<Analysis>;
}
