// Model files the scanner benches scan, written once under bench/.data: torch checkpoints by Debian's torch, and
// raw pickles of any size as sparse files (the scanner never reads the bulk).
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, ftruncateSync, openSync, writeSync } from 'node:fs';

/** Debian's python3 with torch (the pyenv python3 on PATH lacks it). */
export const python = '/usr/bin/python3';

/** torch.save of the state dict `sd` that `code` builds; false when torch is not installed. */
export function torchSave(file, code) {
  if (existsSync(file)) return true;
  try {
    execFileSync(python, ['-c', `import torch\n${code}\ntorch.save(sd, ${JSON.stringify(file)})`], { stdio: 'inherit' });
    return true;
  } catch {
    return false;
  }
}

/** PROTO 4, BINBYTES8 <size>, the bytes (a sparse file), STOP. */
export function rawPickle(file, size) {
  if (existsSync(file)) return;
  const fd = openSync(file, 'w');
  const head = Buffer.alloc(11);
  head.set([0x80, 4, 0x8e]);
  head.writeBigUInt64LE(BigInt(size), 3);
  writeSync(fd, head);
  ftruncateSync(fd, 11 + size);
  writeSync(fd, Buffer.from('.'), 0, 1, 11 + size);
  closeSync(fd);
}
