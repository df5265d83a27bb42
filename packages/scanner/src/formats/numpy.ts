import type { Finding } from '@trustgate/core/base';
import type { Analysis } from '../analyser.js';
import { conclude } from '../conclude.js';
import { scanPickles } from '../pickle/analyse.js';
import { finding, RULES } from '../rules.js';
import { globalsPolicy, machineLimits } from './policy.js';
import { parsePyLiteral, type PyValue } from './py-literal.js';
import { analyseNestedPayloads } from './nested-payloads.js';
import type { ScanContext } from '../scan-context.js';

interface NpyHeader {
  descr: string;
  object: boolean;
  shape: number[];
  dataOffset: number;
}

const ITEM = /^[<>|=]?([biufcmMOSUV?])(\d*)/;
const OBJECT = /^[<>|=]?O\d*$/;

/** Whether a descr (a type string, or a structured list of (name, type[, shape])) holds Python objects. */
function holdsObjects(descr: PyValue): boolean {
  if (typeof descr === 'string') return OBJECT.test(descr);
  if (!Array.isArray(descr)) return false;
  return descr.some((field) => {
    const parts = Array.isArray(field) ? field : field !== null && typeof field === 'object' && 'tuple' in field ? field.tuple : [];
    return parts[1] !== undefined && holdsObjects(parts[1]);
  });
}

/** The .npy header: the Python dict literal numpy reads with ast.literal_eval (the last of duplicate keys wins). */
function parseHeader(bytes: Uint8Array): NpyHeader | string {
  if (bytes.length < 10) return 'file is shorter than the .npy preamble';
  const major = bytes[6] as number;
  if (major < 1 || major > 3) return `unsupported .npy version ${major}`;
  const wide = major >= 2;
  const len = wide
    ? (bytes[8] as number) | ((bytes[9] as number) << 8) | ((bytes[10] as number) << 16) | ((bytes[11] as number) << 24)
    : (bytes[8] as number) | ((bytes[9] as number) << 8);
  const start = wide ? 12 : 10;
  if (start + len > bytes.length) return 'header is truncated';
  const text = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(bytes.subarray(start, start + len));
  let dict: PyValue;
  try {
    dict = parsePyLiteral(text.trimEnd());
  } catch (e) {
    return `header is not a Python literal (${(e as Error).message})`;
  }
  if (!(dict instanceof Map)) return 'header is not a dict';
  const keys = [...dict.keys()].sort().join(',');
  if (keys !== 'descr,fortran_order,shape') return `header keys are ${keys || 'none'}, not descr, fortran_order and shape`;
  const descr = dict.get('descr') as PyValue;
  const shape = dict.get('shape');
  if (typeof dict.get('fortran_order') !== 'boolean') return 'fortran_order is not True or False';
  const dims = shape !== null && typeof shape === 'object' && 'tuple' in shape ? shape.tuple : undefined;
  if (!dims || dims.some((d) => typeof d !== 'number' || !Number.isSafeInteger(d) || d < 0)) return 'shape is not a tuple of sizes';
  if (typeof descr !== 'string' && !Array.isArray(descr)) return 'descr is neither a type string nor a field list';
  return {
    descr: typeof descr === 'string' ? descr : JSON.stringify(descr),
    object: holdsObjects(descr),
    shape: dims as number[],
    dataOffset: start + len,
  };
}

/**
 * NumPy .npy: plain dtypes are data; object dtype means the bytes after the header are a pickle that
 * np.load(allow_pickle=True) runs, so it is analysed like any pickle.
 */
export async function analyseNpy(ctx: ScanContext): Promise<Analysis> {
  const { source } = ctx;
  const header = parseHeader(await source.read(0, 65536 + 12));
  if (typeof header === 'string') return conclude('numpy', [finding(RULES.numpyParse, `malformed .npy: ${header}`, { path: source.name })]);
  const findings: Finding[] = [];
  const metadata = { framework: 'numpy', properties: { dtype: header.descr, shape: `(${header.shape.join(',')})` } };
  if (header.object) {
    findings.push(
      finding(RULES.objectArray, 'object dtype: the array is a pickle that np.load runs with allow_pickle=True', { path: source.name }),
    );
    const scan = await scanPickles(source, {
      policy: globalsPolicy(ctx.policy),
      limits: machineLimits(ctx.policy),
      start: header.dataOffset,
      count: 1,
    });
    findings.push(...scan.findings);
    const inner = await analyseNestedPayloads(ctx, scan.nested);
    findings.push(...inner.findings);
    return conclude('numpy', findings, inner.outcomes, metadata);
  }
  const item = ITEM.exec(header.descr);
  if (item && !header.descr.startsWith('[')) {
    const size = item[1] === '?' || item[1] === 'b' ? Number(item[2] || 1) : Number(item[2]) * (item[1] === 'U' ? 4 : 1);
    const need = header.shape.reduce((a, b) => a * b, 1) * size;
    if (Number.isFinite(need) && header.dataOffset + need > source.size)
      findings.push(finding(RULES.numpyParse, `array data is truncated: ${need} bytes expected after the header`, { path: source.name }));
  }
  return conclude('numpy', findings, [], metadata);
}
