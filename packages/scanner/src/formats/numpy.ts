import type { Finding } from '@trustgate/core';
import type { Analysis } from '../analyser.js';
import { conclude } from '../conclude.js';
import { scanPickles } from '../pickle/analyse.js';
import { finding, RULES } from '../rules.js';
import { globalsPolicy, machineLimits } from './policy.js';
import { analyseNestedPayloads } from './nested-payloads.js';
import type { ScanContext } from '../scan-context.js';

interface NpyHeader {
  descr: string;
  object: boolean;
  shape: number[];
  dataOffset: number;
}

const ITEM = /^[<>|=]?([biufcmMOSUV?])(\d*)/;

/** The .npy header (a Python dict literal); attacker-controlled, so parsed with strict patterns only. */
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
  const descr = /['"]descr['"]\s*:\s*('[^']*'|"[^"]*"|\[.*\])\s*,\s*['"]fortran_order/s.exec(text)?.[1];
  const shape = /['"]shape['"]\s*:\s*\(([\d,\sL]*)\)/.exec(text)?.[1];
  if (descr === undefined || shape === undefined || !/['"]fortran_order['"]\s*:\s*(True|False)/.test(text))
    return 'header dict lacks descr, fortran_order or shape';
  const dims = shape
    .split(',')
    .map((s) => s.trim().replace(/L$/, ''))
    .filter((s) => s !== '')
    .map(Number);
  if (dims.some((d) => !Number.isSafeInteger(d) || d < 0)) return 'shape is not a tuple of sizes';
  const object = /(^|['"\s(,])[<>|=]?O\d*['"]/.test(descr);
  return { descr: descr.replace(/^['"]|['"]$/g, ''), object, shape: dims, dataOffset: start + len };
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
