import type { AnalyserContext, Analysis } from './analyser.js';
import type { ByteSource } from './source.js';
import type { DecompressionBudget } from './containers/limits.js';

/** The context the built-in analysers get: the public one plus what is shared across one file's nesting. */
export interface ScanContext extends AnalyserContext {
  /** Decompressed bytes the whole file (all nested members and streams) may still produce. */
  budget: DecompressionBudget;
  /** Analyse a nested source as a pickle whatever it sniffs as (torch reads `data.pkl` with its unpickler). */
  scanPickle(source: ByteSource): Promise<Analysis>;
}
