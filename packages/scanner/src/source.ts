/**
 * Random-access bytes of one thing being scanned: a file on disk, a member of a container, a decompressed stream.
 * Analysers read only the ranges they need, so a 10 GiB checkpoint costs what its headers cost.
 */
export interface ByteSource {
  /** Display path: the file as found under the scanned PATH, members joined with `!/` (`model.pt!/archive/data.pkl`). */
  readonly name: string;
  readonly size: number;
  /** Up to `length` bytes from `offset`; fewer only at the end of the source. */
  read(offset: number, length: number): Promise<Uint8Array>;
  /** The directory on disk holding this source, when it is a plain file (ONNX external data, sharded models). */
  readonly directory?: string;
}

/** A ByteSource over bytes already in memory (small members, decompressed streams, tests). */
export function bufferSource(name: string, bytes: Uint8Array, directory?: string): ByteSource {
  return {
    name,
    size: bytes.length,
    directory,
    async read(offset, length) {
      return bytes.subarray(Math.min(offset, bytes.length), Math.min(offset + length, bytes.length));
    },
  };
}
