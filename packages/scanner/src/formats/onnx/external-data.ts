import { realpathSync } from 'node:fs';
import path from 'node:path';

/** Why an external-data `location` is unsafe, or undefined when it is a plain file inside the model directory. */
export function unsafeLocation(location: string, directory: string | undefined): string | undefined {
  if (location === '') return 'is empty';
  if (location.includes('\u0000')) return 'contains a NUL byte';
  if (location.includes('\\')) return 'contains a backslash';
  if (location.startsWith('/') || /^[A-Za-z]:/.test(location)) return 'is absolute';
  if (location.split('/').includes('..')) return 'has a ".." segment';
  if (directory === undefined) return undefined;
  const root = path.resolve(directory);
  const target = path.resolve(root, location);
  if (!isInside(root, target)) return 'resolves outside the model directory';
  // A symlink inside the directory can still point anywhere: compare real paths when the file exists.
  try {
    if (!isInside(realpathSync(root), realpathSync(target))) return 'is a symlink that resolves outside the model directory';
  } catch {
    return undefined;
  }
  return undefined;
}

function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}
