import * as hdf5 from 'jsfive';
import type { ByteSource } from '../../source.js';
import { readExactly } from '../shared/bytes.js';
import { malformed, overLimit } from '../shared/errors.js';

/** Root attributes sit near the start of the file; a first try with this much avoids loading the weights. */
const FIRST_TRY_BYTES = 64 * 1024 * 1024;
const MAX_FILE_BYTES = 2 * 1024 ** 3;

function rootAttributes(bytes: Uint8Array): Record<string, unknown> {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer;
  return new hdf5.File(buffer, 'model.h5').attrs;
}

/** The root group's attributes, read with jsfive from the head of the file, or the whole file when needed. */
export async function readRootAttributes(source: ByteSource): Promise<Record<string, unknown>> {
  if (source.size > FIRST_TRY_BYTES) {
    try {
      return rootAttributes(await readExactly(source, 0, FIRST_TRY_BYTES));
    } catch {
      // The attributes live past the first window: fall through to a full read.
    }
  }
  if (source.size > MAX_FILE_BYTES)
    throw overLimit(`HDF5 file of ${source.size} bytes keeps its attributes beyond the first ${FIRST_TRY_BYTES} bytes`);
  try {
    return rootAttributes(await readExactly(source, 0, source.size));
  } catch (cause) {
    throw malformed(`not a readable HDF5 file: ${cause instanceof Error ? cause.message : String(cause)}`, cause);
  }
}

/** An attribute as text: jsfive returns strings, byte arrays or one-element arrays depending on how it was written. */
export function attributeText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  if (Array.isArray(value) && value.length === 1) return attributeText(value[0]);
  return undefined;
}
