import type { Finding } from '@trustgate/core/base';
import { finding } from '../shared/analysis.js';
import { isRecord } from '../shared/bytes.js';

/** Bytes per element; sub-byte dtypes (F4, F6) are not in the spec's stable set and are refused. */
export const DTYPE_BYTES: Readonly<Record<string, number>> = {
  BOOL: 1,
  U8: 1,
  I8: 1,
  F8_E5M2: 1,
  F8_E4M3: 1,
  F8_E8M0: 1,
  I16: 2,
  U16: 2,
  F16: 2,
  BF16: 2,
  I32: 4,
  U32: 4,
  F32: 4,
  I64: 8,
  U64: 8,
  F64: 8,
  C64: 8,
};

export interface TensorSpan {
  name: string;
  begin: bigint;
  end: bigint;
  dtype: string;
  elements: bigint;
}

export interface HeaderCheck {
  findings: Finding[];
  tensors: TensorSpan[];
  metadata: Record<string, string>;
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

/** One tensor entry checked on its own: dtype known, shape and offsets well formed, size consistent. */
function checkEntry(name: string, entry: unknown, path: string, findings: Finding[]): TensorSpan | undefined {
  if (!isRecord(entry)) {
    findings.push(finding('TG-ST-008', 'high', path, `header entry "${name}" is not an object; the file is malformed.`));
    return undefined;
  }
  const { dtype, shape, data_offsets: offsets } = entry;
  const size = typeof dtype === 'string' ? DTYPE_BYTES[dtype] : undefined;
  if (size === undefined) {
    findings.push(finding('TG-ST-003', 'high', path, `tensor "${name}" has unknown dtype ${JSON.stringify(dtype)}.`));
    return undefined;
  }
  if (!Array.isArray(shape) || !shape.every(isCount)) {
    findings.push(finding('TG-ST-008', 'high', path, `tensor "${name}" has a malformed shape ${JSON.stringify(shape)}.`));
    return undefined;
  }
  const [first, last] = Array.isArray(offsets) && offsets.length === 2 ? offsets : [];
  if (!isCount(first) || !isCount(last) || first > last) {
    findings.push(finding('TG-ST-005', 'high', path, `tensor "${name}" has malformed data_offsets ${JSON.stringify(offsets)}.`));
    return undefined;
  }
  const elements = shape.reduce((n: bigint, d: number) => n * BigInt(d), 1n);
  const begin = BigInt(first);
  const end = BigInt(last);
  if (elements * BigInt(size) !== end - begin) {
    findings.push(
      finding(
        'TG-ST-004',
        'high',
        path,
        `tensor "${name}" (${dtype} ${JSON.stringify(shape)}) needs ${elements * BigInt(size)} bytes but spans ${end - begin}.`,
      ),
    );
  }
  return { name, begin, end, dtype: String(dtype), elements };
}

/** Tensors sorted by offset must tile the data section exactly: from 0, back to back, to its last byte. */
function checkLayout(spans: TensorSpan[], dataSize: bigint, path: string, findings: Finding[]): void {
  const sorted = [...spans].sort((a, b) => (a.begin < b.begin ? -1 : a.begin > b.begin ? 1 : 0));
  let cursor = 0n;
  let previous: TensorSpan | undefined;
  for (const t of sorted) {
    if (t.end > dataSize) {
      findings.push(finding('TG-ST-005', 'high', path, `tensor "${t.name}" ends at ${t.end}, beyond the ${dataSize}-byte data section.`));
    }
    if (t.begin < cursor && previous !== undefined) {
      findings.push(finding('TG-ST-006', 'high', path, `tensors "${previous.name}" and "${t.name}" overlap at byte ${t.begin}.`));
    } else if (t.begin > cursor) {
      findings.push(finding('TG-ST-007', 'high', path, `${t.begin - cursor} unaccounted bytes before tensor "${t.name}" (at ${cursor}).`));
    }
    if (t.end > cursor) {
      cursor = t.end;
      previous = t;
    }
  }
  if (cursor < dataSize) {
    findings.push(finding('TG-ST-007', 'high', path, `${dataSize - cursor} trailing bytes after the last tensor are unaccounted for.`));
  }
}

/** Validates a parsed safetensors header against the size of the data section that follows it. */
export function checkHeader(header: unknown, dataSize: bigint, path: string): HeaderCheck {
  const findings: Finding[] = [];
  const metadata: Record<string, string> = {};
  const tensors: TensorSpan[] = [];
  if (!isRecord(header)) {
    findings.push(finding('TG-ST-001', 'high', path, `the safetensors header is not a JSON object.`));
    return { findings, tensors, metadata };
  }
  for (const [name, entry] of Object.entries(header)) {
    if (name === '__metadata__') {
      if (!isRecord(entry) || !Object.values(entry).every((v) => typeof v === 'string')) {
        findings.push(finding('TG-ST-008', 'high', path, `__metadata__ must map strings to strings.`));
      } else {
        Object.assign(metadata, entry);
      }
      continue;
    }
    const span = checkEntry(name, entry, path, findings);
    if (span !== undefined) tensors.push(span);
  }
  checkLayout(tensors, dataSize, path, findings);
  return { findings, tensors, metadata };
}
