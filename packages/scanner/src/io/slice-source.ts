import type { ByteSource } from '../source.js';

/** A window of another source (a stored archive member, the pickle after a header) without copying it. */
export function sliceSource(parent: ByteSource, name: string, start: number, length: number): ByteSource {
  const size = Math.max(0, Math.min(length, parent.size - start));
  return {
    name,
    size,
    async read(offset, len) {
      const from = Math.max(0, Math.min(offset, size));
      return parent.read(start + from, Math.max(0, Math.min(len, size - from)));
    },
  };
}
