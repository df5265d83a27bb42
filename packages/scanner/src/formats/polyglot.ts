import type { Analysis } from '../analyser.js';
import { absorb, conclude } from '../conclude.js';
import { findEndRecord } from '../containers/zip.js';
import { looksLikePickle } from '../pickle/analyse.js';
import { finding, RULES } from '../rules.js';
import type { ScanContext } from '../scan-context.js';
import { analysePickleFile } from './pickle-file.js';
import { analyseZip } from './zip-archive.js';

function both(ctx: ScanContext, first: Analysis, second: Analysis, message: string): Analysis {
  const findings = [finding(RULES.polyglot, message, { path: ctx.source.name })];
  absorb(findings, first, ctx.source.name);
  absorb(findings, second, ctx.source.name);
  return conclude(first.format, findings, [first, second], first.metadata);
}

/** A tar whose first header is also a pickle (the member name is where pickle.load starts reading). */
export async function alsoAsPickle(ctx: ScanContext, head: Uint8Array, analysis: Analysis): Promise<Analysis> {
  if (!(await looksLikePickle(ctx.source))) return analysis;
  const asPickle = await analysePickleFile(ctx, head);
  return both(ctx, analysis, asPickle, 'the file is a tar archive and also a pickle (its first header parses as one); both were analysed');
}

/**
 * A file another analyser claimed that also ends in a zip directory: Keras opens anything
 * zipfile.is_zipfile accepts as a .keras archive (an HDF5 file with a zip appended), so the zip is read too.
 */
export async function alsoAsZip(ctx: ScanContext, analysis: Analysis): Promise<Analysis> {
  if (analysis.format.startsWith('zip') || (await findEndRecord(ctx.source)) === undefined) return analysis;
  const asZip = await analyseZip(ctx);
  return both(
    ctx,
    analysis,
    asZip,
    `the file is ${analysis.format} and also a zip archive (zipfile.is_zipfile accepts it); both were analysed`,
  );
}
