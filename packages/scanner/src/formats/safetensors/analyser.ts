import type { Analysis, AnalyserContext, FormatAnalyser } from '../../analyser.js';
import { analysisOf, failClosed, finding } from '../shared/analysis.js';
import { decodeUtf8, parseJson, readExactly } from '../shared/bytes.js';
import { checkHeader } from './header.js';
import { declaredLength, sniffSafetensors } from './sniff.js';

/** The reference implementation refuses headers above 100 MB; so do we, before reading them. */
export const MAX_HEADER_BYTES = 100 * 1024 * 1024;
const FORMAT = 'safetensors';

async function analyse(ctx: AnalyserContext): Promise<Analysis> {
  const { source } = ctx;
  const path = source.name;
  const n = declaredLength(await readExactly(source, 0, 8)) ?? 0n;
  if (n > BigInt(MAX_HEADER_BYTES) || n > BigInt(source.size - 8)) {
    const why = n > BigInt(MAX_HEADER_BYTES) ? `above the ${MAX_HEADER_BYTES}-byte cap` : `beyond the ${source.size}-byte file`;
    return analysisOf(FORMAT, [
      finding('TG-ST-002', 'high', path, `declared header length ${n} is ${why}; the file is malformed or hostile.`),
    ]);
  }
  const text = decodeUtf8(await readExactly(source, 8, Number(n)), 'the safetensors header');
  const dataSize = BigInt(source.size) - 8n - n;
  const check = checkHeader(parseJson(text, 'the safetensors header'), dataSize, path);
  const params = check.tensors.reduce((sum, t) => sum + t.elements, 0n);
  const dtypes = [...new Set(check.tensors.map((t) => t.dtype))].sort().join(',');
  const framework =
    check.metadata['format'] === 'pt' ? 'pytorch' : check.metadata['format'] === 'tf' ? 'tensorflow' : check.metadata['format'];
  return analysisOf(FORMAT, check.findings, {
    ...(framework === undefined ? {} : { framework }),
    properties: { tensors: String(check.tensors.length), parameters: String(params), dtypes },
  });
}

export const safetensorsAnalyser: FormatAnalyser = {
  format: FORMAT,
  sniff: sniffSafetensors,
  analyse: (ctx) => failClosed(FORMAT, 'TG-ST-001', ctx.source, () => analyse(ctx)),
};
