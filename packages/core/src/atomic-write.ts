import { basename, dirname, join } from 'node:path';
import { CoreError } from './errors.js';
import { asTrustgateError } from './foreign-errors.js';

/**
 * Write a report or statement so a reader sees the old file or the whole new one, never half of it: a temporary
 * file beside the target, flushed, then renamed over it. A target that is a FIFO or a device (`/dev/stdout`,
 * `/dev/null`) is written directly, since it cannot be replaced. Errors name the target, with code IO_ERROR.
 * `exclusive` never replaces anything: the whole file is linked into place, and an existing one is FILE_EXISTS.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array, { exclusive = false } = {}): Promise<void> {
  // Imported here, as node:crypto below: every `trustgate scan` loads this module, and few runs write a file.
  const { link, open, rename, stat, unlink, writeFile } = await import('node:fs/promises');
  const existing = await stat(file).catch(() => undefined);
  if (existing && exclusive) throw exists(file);
  if (existing && !existing.isFile() && !existing.isDirectory()) {
    await writeFile(file, data).catch((err: unknown) => {
      throw asTrustgateError(retarget(err, file), file);
    });
    return;
  }
  // node:crypto costs ~20 ms to load.
  const { randomBytes } = await import('node:crypto');
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', existing ? existing.mode & 0o777 : 0o666);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (exclusive) await link(temp, file);
    else await rename(temp, file);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    if (exclusive && (err as { code?: unknown }).code === 'EEXIST') throw exists(file, err);
    throw asTrustgateError(retarget(err, file), file);
  }
  if (exclusive) await unlink(temp).catch(() => undefined);
}

function exists(file: string, cause?: unknown): CoreError {
  return new CoreError('FILE_EXISTS', `${file} already exists; keep it, or choose another name`, { file, cause });
}

/** An error about the temporary file is reported as being about the target the user named. */
function retarget(err: unknown, file: string): unknown {
  const e = err as { path?: unknown; dest?: unknown; syscall?: unknown } | null;
  if (e && typeof e === 'object' && typeof e.path === 'string') {
    e.path = file;
    if (e.syscall === 'rename') e.dest = file;
  }
  return err;
}
