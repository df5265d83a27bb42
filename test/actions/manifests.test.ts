import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { GATE_DESCRIPTIONS, type GateDescription, modelScanGate, verifySignatureGate } from '@trustgate/core';
import { collect, manifests } from '../../scripts/action-manifests.mjs';
import { COMMAND_SPECS } from '../../packages/cli/src/specs/index.js';
import { loadAction, REPO } from '../support/runner/index.js';

// Item 6: every action.yml is generated from the gate descriptions; a hand edit or a description change without
// `npm run build` fails here, and so does a root action that lost a gate's input or output.
describe('action.yml files come from the gate descriptions', () => {
  const generated = manifests();

  it.each(Object.keys(generated))('%s is what its description generates', (file) => {
    expect(readFileSync(join(REPO, file), 'utf8')).toBe(generated[file]);
  });

  it.each(Object.keys(generated))('%s is a valid action for GitHub (its own action schema)', (file) => {
    expect(() => loadAction(file, generated[file] as string)).not.toThrow();
  });

  it('the root action declares every input and output of every gate, with the same defaults', () => {
    const root = loadAction('action.yml', generated['action.yml'] as string);
    const inputs = new Map(root.inputs.map((i) => [i.id, i]));
    const outputs = new Set(root.outputs.map((o) => o.id));
    for (const gate of GATE_DESCRIPTIONS) {
      const own = loadAction(gate.gate, generated[`actions/${gate.gate}/action.yml`] as string);
      for (const i of own.inputs) {
        expect(inputs.has(i.id)).toBe(true);
        expect(String(inputs.get(i.id)?.default ?? '')).toBe(String(i.default ?? ''));
        // A gate's required input cannot be required by the root: the other gates run without it.
        expect(inputs.get(i.id)?.required).toBe(false);
      }
      for (const o of own.outputs) expect(outputs.has(o.id)).toBe(true);
    }
    expect(inputs.get('gates')?.required).toBe(true);
  });

  it('refuses one name meaning two things in two gates', () => {
    const clash: GateDescription = {
      ...verifySignatureGate,
      inputs: [...verifySignatureGate.inputs, { name: 'path', description: 'something else' }],
    };
    expect(() => collect('inputs', [modelScanGate, clash])).toThrow(
      /input "path" means different things in model-scan and verify-signature/,
    );
  });

  // Known, named gaps: the CLI's verify commands take signers as flags only, where the action also reads the policy.
  const CLI_GAPS = ['verify-signature: policy -> --policy'];

  it("an input's CLI flag is an option of the CLI command running the same engine", () => {
    const optionsOf = (names: string[]) =>
      new Set(COMMAND_SPECS.filter((c) => names.includes(c.name)).flatMap((c) => Object.keys(c.options)));
    for (const gate of GATE_DESCRIPTIONS) {
      const commands = gate.command ? [gate.command] : COMMAND_SPECS.map((c) => c.name).filter((n) => n.startsWith('verify-'));
      const options = optionsOf(commands);
      const missing = gate.inputs
        .filter((i) => typeof i.flag === 'string' && !options.has(i.flag.slice(2)))
        .map((i) => `${gate.gate}: ${i.name} -> ${i.flag}`);
      expect(missing.filter((m) => !CLI_GAPS.includes(m))).toEqual([]);
    }
  });

  it('passes every input to the script through env, never an expression inside run:', () => {
    for (const [file, text] of Object.entries(generated)) {
      const action = loadAction(file, text);
      if (action.runs.using !== 'composite' || !('steps' in action.runs)) throw new Error(`${file} is not composite`);
      const script = action.runs.steps.find((s) => s.id === 'gate');
      expect(script?.run?.toString()).not.toContain('${{');
      const env = new Set([...(script?.env ?? [])].map(({ key }) => String(key)));
      for (const i of action.inputs) expect(env.has(`INPUT_${i.id.toUpperCase()}`)).toBe(true);
    }
  });
});
