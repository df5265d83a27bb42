import type { Finding, ScanPolicy } from '@trustgate/core/base';
import type { Analysis } from './analyser.js';
import { DecompressionBudget } from './containers/limits.js';
import type { ScanContext } from './scan-context.js';
import { findEndRecord } from './containers/zip.js';
import { absorb, conclude } from './conclude.js';
import { EXTRA_ANALYSERS } from './formats/extra.js';
import { analyseExecutableZip, isExecutable } from './formats/llamafile.js';
import { analysePickleFile } from './formats/pickle-file.js';
import { unparsedText } from './formats/unparsed.js';
import { alsoAsPickle, alsoAsZip } from './formats/polyglot.js';
import { analyseZip } from './formats/zip-archive.js';
import { hasProtoHeader, looksLikePickle } from './pickle/analyse.js';
import { finding, RULES } from './rules.js';
import { isPlainText, type Magic, sniffMagic } from './sniff/magic.js';
import type { ByteSource } from './source.js';

const HEAD = 4096;

/** What one file may decompress in all: the policy's cap, and never more than its ratio limit times the file. */
function fileBudget(policy: ScanPolicy, size: number): number {
  return Math.min(policy.limits.maxDecompressedBytes, Math.max(64 << 20, size * policy.limits.maxCompressionRatio));
}
// Text is only called text when all of it was checked.
const TEXT_CHECK_LIMIT = 8 << 20;

/**
 * Identify a source by its bytes and analyse it: containers and pickle-bearing formats first, then the extra
 * format analysers, then `unknown`. Never throws for bad content: anything unexpected becomes an `error` verdict.
 */
export async function analyseSource(
  source: ByteSource,
  policy: ScanPolicy,
  depth = 0,
  budget = new DecompressionBudget(fileBudget(policy, source.size)),
  as: 'sniffed' | 'pickle' = 'sniffed',
): Promise<Analysis> {
  const deeper = (inner: ByteSource, kind: 'sniffed' | 'pickle') =>
    depth + 1 > policy.limits.maxDepth
      ? Promise.resolve(
          conclude('unknown', [
            finding(RULES.limit, `nested deeper than the limit of ${policy.limits.maxDepth} archives; not analysed`, {
              path: inner.name,
            }),
          ]),
        )
      : analyseSource(inner, policy, depth + 1, budget, kind);
  const ctx: ScanContext = {
    source,
    policy,
    depth,
    budget,
    scanNested: (inner) => deeper(inner, 'sniffed'),
    scanPickle: (inner) => deeper(inner, 'pickle'),
  };
  try {
    return as === 'pickle' ? await analysePickleFile(ctx, await source.read(0, HEAD)) : await dispatch(ctx);
  } catch {
    return conclude('unknown', [
      finding(RULES.parseError, 'the content could not be followed by the analyser (malformed); the file was not fully analysed', {
        path: source.name,
      }),
    ]);
  }
}

/**
 * A zip is always read member by member here; a format analyser that also claims it (a Keras archive, say) runs
 * too and names the format. A file starting with the zip magic cannot also be a dangerous pickle: its first opcode
 * is PERSID, which plain pickle.load rejects before anything runs (and torch routes such files to its zip reader).
 */
async function analyseZipFile(ctx: ScanContext, head: Uint8Array): Promise<Analysis> {
  const { source } = ctx;
  const zip = await analyseZip(ctx);
  const extra = EXTRA_ANALYSERS.find((a) => a.sniff(head, source));
  if (!extra) return zip;
  const claimed = await extra.analyse(ctx);
  const findings: Finding[] = [];
  absorb(findings, claimed, source.name);
  const seen = new Set(findings.map((f) => JSON.stringify(f)));
  const fromZip: Finding[] = [];
  absorb(fromZip, zip, source.name);
  for (const f of fromZip) if (!seen.has(JSON.stringify(f))) findings.push(f);
  return conclude(claimed.format, findings, [claimed, zip], claimed.metadata);
}

// These formats' analysers (and their decoders: zlib streams, tar, 7-Zip) are imported the first time a file sniffs
// as one of them, so a scan pays only for the formats it meets.
async function analyseStream(ctx: ScanContext, magic: Magic): Promise<Analysis> {
  const [{ canDecompress }, stream] = await Promise.all([import('./containers/compressed.js'), import('./formats/compressed-stream.js')]);
  return canDecompress(magic) ? stream.analyseCompressed(ctx, magic) : stream.analyseUnsupported(ctx, magic);
}

async function dispatch(ctx: ScanContext): Promise<Analysis> {
  const { source } = ctx;
  const head = await source.read(0, HEAD);
  const magic = sniffMagic(head);
  if (magic === 'zip') return analyseZipFile(ctx, head);
  if (magic === 'npy') return (await import('./formats/numpy.js')).analyseNpy(ctx);
  if (magic === 'tar') return alsoAsPickle(ctx, head, await (await import('./formats/tar-archive.js')).analyseTar(ctx));
  if (magic === '7z') return (await import('./formats/sevenzip-archive.js')).analyseSevenZip(ctx);
  // zlib and raw lzma headers are weak (two or three bytes): a pickle that happens to match is a pickle.
  const weak = magic === 'zlib' || magic === 'lzma';
  if (magic !== undefined && !weak) return analyseStream(ctx, magic);
  if (isExecutable(head) && (await findEndRecord(source)) !== undefined) return analyseExecutableZip(ctx);
  if (await looksLikePickle(source)) return analysePickleFile(ctx, head);
  if (magic !== undefined) return analyseStream(ctx, magic);
  for (const a of EXTRA_ANALYSERS) if (a.sniff(head, source)) return alsoAsZip(ctx, await a.analyse(ctx));
  // A protocol header with a body the unpickler rejects early is a broken pickle (error), not an unknown file.
  if (hasProtoHeader(head)) return analysePickleFile(ctx, head);
  if (source.size === 0) return conclude('empty', [finding(RULES.plainText, 'empty file', { path: source.name })]);
  if (source.size <= TEXT_CHECK_LIMIT && isPlainText(source.size <= HEAD ? head : await source.read(0, source.size)))
    return (
      unparsedText(source, head) ?? conclude('text', [finding(RULES.plainText, 'plain text, not a model format', { path: source.name })])
    );
  if ((await findEndRecord(source)) !== undefined) return analyseZip(ctx);
  return conclude('unknown', [finding(RULES.unknownBinary, 'content matches no known format; not analysed', { path: source.name })]);
}
