import type { Finding } from '@trustgate/core/base';
import { finding } from '../shared/analysis.js';
import { overLimit } from '../shared/errors.js';
import { GGML_BLOCKS } from './ggml-types.js';
import { GGUF_LIMITS, readString } from './header.js';
import type { SequentialReader } from './reader.js';

const DEFAULT_ALIGNMENT = 32;

/** Reads the tensor table and checks each descriptor against the data section that starts after it. */
export async function checkTensors(
  r: SequentialReader,
  version: number,
  count: number,
  alignmentValue: unknown,
  fileSize: number,
  path: string,
): Promise<Finding[]> {
  const findings: Finding[] = [];
  const alignment = typeof alignmentValue === 'number' ? alignmentValue : DEFAULT_ALIGNMENT;
  if (!Number.isInteger(alignment) || alignment <= 0 || (alignment & (alignment - 1)) !== 0) {
    findings.push(finding('TG-GGUF-003', 'high', path, `general.alignment ${String(alignmentValue)} is not a power of two.`));
    return findings;
  }
  const table: { name: string; type: number; elements: bigint; offset: bigint }[] = [];
  for (let i = 0; i < count; i++) {
    const name = (await readString(r, version, GGUF_LIMITS.keyBytes, true)) ?? `#${i}`;
    const dims = await r.u32();
    if (dims > GGUF_LIMITS.dims) throw overLimit(`tensor "${name}" has ${dims} dimensions (cap ${GGUF_LIMITS.dims})`);
    let elements = 1n;
    for (let d = 0; d < dims; d++) elements *= version === 1 ? BigInt(await r.u32()) : await r.u64();
    table.push({ name, type: await r.u32(), elements, offset: await r.u64() });
  }
  const dataStart = BigInt(Math.ceil(r.position / alignment) * alignment);
  for (const t of table) {
    const block = GGML_BLOCKS.get(t.type);
    const bytes = block === undefined ? 0n : (t.elements / BigInt(block[0])) * BigInt(block[1]);
    if (t.offset % BigInt(alignment) !== 0n || dataStart + t.offset + bytes > BigInt(fileSize)) {
      findings.push(
        finding(
          'TG-GGUF-003',
          'high',
          path,
          `tensor "${t.name}" at offset ${t.offset} (${bytes} bytes) is misaligned or outside the ${fileSize}-byte file.`,
        ),
      );
    }
  }
  return findings;
}
