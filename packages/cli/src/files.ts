import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { asTrustgateError, CoreError } from '@trustgate/core';

/** Every regular file under dir, depth first; `.git` and `node_modules` are skipped. */
export async function* walkFiles(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === '.git') continue;
    const p = join(dir, entry.name);
    if (entry.isDirectory()) yield* walkFiles(p);
    else if (entry.isFile()) yield p;
  }
}

/** A JSON input file (a webhook payload, an API response); unreadable or not JSON is IO_ERROR naming it. */
export async function readJsonFile(file: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new CoreError('IO_ERROR', `${what}: ${asTrustgateError(cause, file).message}`, { cause, file });
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new CoreError('IO_ERROR', `${what} ${file} is not JSON (${(cause as Error).message}); pass the raw API or webhook JSON`, {
      cause,
      file,
    });
  }
}
