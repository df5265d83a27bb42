// Loads the committed fixture repositories of examples/agents (written by make-fixtures.mjs) as engine inputs.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AgentFileInput } from '@trustgate/attribution';
import { loadPolicyFile } from '@trustgate/core';

export const EXAMPLES = fileURLToPath(new URL('../../../../examples/agents/', import.meta.url));

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

export function repo(name: 'benign' | 'hostile', changed: readonly string[] = []): AgentFileInput[] {
  const root = join(EXAMPLES, 'repos', name);
  return walk(root).map((file) => {
    const path = relative(root, file).split(sep).join('/');
    const f: AgentFileInput = { path, bytes: new Uint8Array(readFileSync(file)) };
    if (changed.includes(path)) f.changed = true;
    return f;
  });
}

export async function examplePolicy() {
  return (await loadPolicyFile(join(EXAMPLES, 'policy.yml'))).agents;
}
