import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { VerifyError } from '../errors.js';

/** model_signing ignores these by default, wherever the model comes from. */
export const DEFAULT_IGNORED = ['.git', '.gitattributes', '.gitignore', '.github'];

export interface ModelFile {
  /** POSIX path relative to the model root. */
  name: string;
  file: string;
  size: number;
}

function ignored(name: string, ignore: readonly string[]): boolean {
  return ignore.some((p) => name === p || name.startsWith(`${p}/`));
}

/** Every regular file under the model directory, sorted; symlinks are refused unless the signature allowed them. */
export async function listModelFiles(root: string, options: { ignore: readonly string[]; allowSymlinks: boolean }): Promise<ModelFile[]> {
  const out: ModelFile[] = [];
  async function walk(dir: string, prefix: string): Promise<void> {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const name = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (ignored(name, options.ignore)) continue;
      const file = path.join(dir, entry.name);
      const st = await lstat(file);
      if (st.isSymbolicLink()) {
        if (!options.allowSymlinks) {
          throw new VerifyError(
            'MODEL_PATH_UNSAFE',
            `${file} is a symbolic link; the signature does not allow symlinks (remove it or re-sign with allow_symlinks)`,
            { file },
          );
        }
        // Followed symlinks are hashed as the file they point to.
        const target = await import('node:fs/promises').then((m) => m.stat(file));
        if (target.isDirectory()) await walk(file, name);
        else out.push({ name, file, size: target.size });
      } else if (st.isDirectory()) await walk(file, name);
      else if (st.isFile()) out.push({ name, file, size: st.size });
    }
  }
  await walk(root, '');
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
