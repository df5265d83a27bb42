import type { Finding } from '@trustgate/core/base';
import type { Value } from '../pickle/values.js';
import { finding, RULES } from '../rules.js';
import type { ByteSource } from '../source.js';

// Bytes per element of the legacy typed storages (torch._utils._element_size).
export const ELEMENT_SIZE: Record<string, number> = {
  DoubleStorage: 8,
  FloatStorage: 4,
  HalfStorage: 2,
  BFloat16Storage: 2,
  LongStorage: 8,
  IntStorage: 4,
  ShortStorage: 2,
  CharStorage: 1,
  ByteStorage: 1,
  BoolStorage: 1,
  ComplexFloatStorage: 8,
  ComplexDoubleStorage: 16,
  QUInt8Storage: 1,
  QInt8Storage: 1,
  QInt32Storage: 4,
  QUInt4x2Storage: 1,
  QUInt2x4Storage: 1,
  UntypedStorage: 1,
};

/** Storages named by the persistent ids of a legacy torch pickle: key -> bytes per element. */
export class LegacyStorages {
  readonly sizes = new Map<string, number | undefined>();

  /** ('storage', storage_type, key, location, numel, view) as torch's legacy persistent_id writes it. */
  readonly collect = (pid: Value): void => {
    const items = pid.k === 'tuple' ? pid.items : undefined;
    const type = items?.[1];
    const key = items?.[2];
    if (key?.k !== 'str' || key.v === undefined) return;
    this.sizes.set(key.v, type?.k === 'global' ? ELEMENT_SIZE[type.name] : undefined);
  };

  /**
   * After the five pickles come the storages, in sorted key order, each an 8-byte element count and the raw
   * elements; torch.load fails on a cut file, so a cut or unsizeable storage section is an error, not a pass.
   */
  async check(source: ByteSource, start: number): Promise<Finding[]> {
    let pos = start;
    for (const key of [...this.sizes.keys()].sort()) {
      const size = this.sizes.get(key);
      const where = { path: source.name, offset: pos };
      if (size === undefined) return [finding(RULES.parseError, `legacy storage ${key} has an unknown storage type`, where)];
      const head = await source.read(pos, 8);
      if (head.length < 8) return [finding(RULES.parseError, `legacy storage ${key} is cut off (truncated checkpoint)`, where)];
      const count = new DataView(head.slice().buffer).getBigUint64(0, true);
      const bytes = Number(count) * size;
      if (!Number.isSafeInteger(bytes) || pos + 8 + bytes > source.size)
        return [
          finding(
            RULES.parseError,
            `legacy storage ${key} declares ${count} elements past the end of the file (truncated checkpoint)`,
            where,
          ),
        ];
      pos += 8 + bytes;
    }
    return [];
  }
}
