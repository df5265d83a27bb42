import type { Analysis } from '../analyser.js';
import type { ScanContext } from '../scan-context.js';
import { decompress } from '../containers/compressed.js';
import { absorb, analysisFrom, conclude } from '../conclude.js';
import type { Magic } from '../sniff/magic.js';
import { bufferSource } from '../source.js';
import { finding, RULES } from '../rules.js';
import { containerFinding } from './container-errors.js';

/** A compressed stream (gzip, zlib, zstd): decompressed within the policy's limits, then analysed as what it holds. */
export async function analyseCompressed(ctx: ScanContext, kind: Magic): Promise<Analysis> {
  const { source } = ctx;
  let bytes: Uint8Array;
  try {
    bytes = await decompress(kind, source, ctx.policy.limits, ctx.budget);
  } catch (e) {
    return conclude(kind, [containerFinding(e, source.name, RULES.archiveParse)], [], undefined, 'failed');
  }
  const path = `${source.name}!/`;
  const inner = await ctx.scanNested(bufferSource(path, bytes));
  const findings = [] as Analysis['findings'];
  absorb(findings, inner, path);
  // The stream is its content: what could not be read of it is what could not be read of the file.
  return analysisFrom(`${kind}+${inner.format}`, findings, inner.findingVerdict, inner.completeness, inner.metadata);
}

/** Archives and streams this scanner cannot open: reported as `error`, never passed. */
export function analyseUnsupported(ctx: ScanContext, kind: Magic): Analysis {
  return conclude(kind, [
    finding(RULES.unsupportedArchive, `${kind} content cannot be opened by this scanner, so it was not analysed`, {
      path: ctx.source.name,
    }),
  ]);
}
