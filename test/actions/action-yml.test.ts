import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';

const repo = join(import.meta.dirname, '../..');
const files = [
  'action.yml',
  ...readdirSync(join(repo, 'actions'))
    .map((d) => `actions/${d}/action.yml`)
    .filter((f) => existsSync(join(repo, f))),
];

interface Step {
  run?: string;
  env?: Record<string, string>;
  uses?: string;
}
interface ActionYml {
  inputs?: Record<string, unknown>;
  runs: { using: string; steps: Step[] };
}

describe.each(files)('%s', (file) => {
  const action = parse(readFileSync(join(repo, file), 'utf8')) as ActionYml;

  it('is a composite action', () => {
    expect(action.runs.using).toBe('composite');
  });

  it('never expands an expression inside run: (script injection); inputs go through env:', () => {
    for (const step of action.runs.steps) if (step.run !== undefined) expect(step.run).not.toMatch(/\$\{\{/);
  });

  it('passes every input to its script as INPUT_<NAME> through env', () => {
    const script = action.runs.steps.find((s) => s.run?.includes('dist/index.js'));
    expect(script).toBeDefined();
    const env = script?.env ?? {};
    for (const name of Object.keys(action.inputs ?? {})) {
      expect(env[`INPUT_${name.toUpperCase()}`]).toBe(`\${{ inputs.${name} }}`);
    }
  });
});
