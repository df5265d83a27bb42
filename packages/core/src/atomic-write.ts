import { randomBytes } from 'node:crypto';
import { open, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { asTrustgateError } from './foreign-errors.js';

/**
 * Write a report or statement so a reader sees the old file or the whole new one, never half of it: a temporary
 * file beside the target, flushed, then renamed over it. A target that is a FIFO or a device (`/dev/stdout`,
 * `/dev/null`) is written directly, since it cannot be replaced. Errors name the target, with code IO_ERROR.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const existing = await stat(file).catch(() => undefined);
  if (existing && !existing.isFile() && !existing.isDirectory()) {
    await writeFile(file, data).catch((err: unknown) => {
      throw asTrustgateError(retarget(err, file), file);
    });
    return;
  }
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', existing ? existing.mode & 0o777 : 0o666);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw asTrustgateError(retarget(err, file), file);
  }
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
