// action.yml for every gate and for the root action, rendered from the gate descriptions in packages/core/src/gates.
// `npm run build` writes them (scripts/generate-actions.mjs); test/actions/manifests.test.ts fails when they drift.
import { GATE_DESCRIPTIONS } from '@trustgate/core';
import { stringify } from 'yaml';

const expr = (e) => ['$', '{{ ', e, ' }}'].join('');
const envName = (input) => `INPUT_${input.toUpperCase()}`;

// The bundle runs on the Node already on PATH (GitHub's hosted images carry Node 20+): no setup-node, so the
// caller's PATH is left as it was and nothing is downloaded (self-hosted and GHES runners work offline).
const runScript = (entry) =>
  [
    `major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null) || major=0`,
    'if [ "$major" -lt 20 ]; then',
    '  echo "::error title=trustgate::needs Node.js 20 or later on PATH (found $(node --version 2>/dev/null || echo none)): add actions/setup-node before this step or use a runner image with Node.js 20+"',
    '  exit 1',
    'fi',
    `node "$GITHUB_ACTION_PATH/${entry}"`,
    '',
  ].join('\n');

const header = (source) =>
  `# Generated from ${source} by scripts/generate-actions.mjs (npm run build): edit the description, not this file.\n`;

function inputEntry(input, { root, gates }) {
  const prefix = root ? `${gates.join(', ')}: ` : '';
  return {
    description: `${prefix}${input.description}`,
    required: !root && input.required === true,
    ...(input.required && !root ? {} : { default: input.default ?? '' }),
  };
}

function gateStep(inputs, entry) {
  return {
    id: 'gate',
    shell: 'bash',
    // Inputs reach the script through env only: never an expression inside run (script injection).
    env: Object.fromEntries(inputs.map((i) => [envName(i.name), expr(`inputs.${i.name}`)])),
    run: runScript(entry),
  };
}

function render(doc, source) {
  const text = stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false });
  // A pinned commit says which release it is, as a comment next to it.
  return header(source) + text.replace(/(uses: actions\/attest@[0-9a-f]{40})$/gm, '$1 # v4.2.2');
}

/** action.yml of one gate (actions/<gate>/action.yml). */
export function gateManifest(gate) {
  const inputs = Object.fromEntries(gate.inputs.map((i) => [i.name, inputEntry(i, { root: false })]));
  const outputs = Object.fromEntries(
    gate.outputs.map((o) => [o.name, { description: o.description, value: expr(`steps.gate.outputs.${o.name}`) }]),
  );
  return render(
    {
      name: gate.title,
      description: gate.summary,
      author: 'trustgate',
      branding: { icon: gate.icon, color: 'blue' },
      inputs,
      outputs,
      runs: { using: 'composite', steps: [gateStep(gate.inputs, 'dist/index.js'), ...(gate.after ?? [])] },
    },
    `packages/core/src/gates/${gate.gate}.ts`,
  );
}

/**
 * The inputs and outputs of every gate, each name once. Two gates may share a name only through one shared
 * description object (same meaning everywhere); anything else is a collision the generator refuses.
 */
export function collect(kind, gates = GATE_DESCRIPTIONS) {
  const byName = new Map();
  for (const g of gates) {
    for (const item of g[kind]) {
      const seen = byName.get(item.name);
      if (seen && seen.item !== item)
        throw new Error(
          `${kind.slice(0, -1)} "${item.name}" means different things in ${seen.gates.join(', ')} and ${g.gate}: rename one, or share one description`,
        );
      if (seen) seen.gates.push(g.gate);
      else byName.set(item.name, { item, gates: [g.gate] });
    }
  }
  return [...byName.values()];
}

const GATES_INPUT = {
  name: 'gates',
  description: `Gates to run in this step, in order, comma- or newline-separated: ${GATE_DESCRIPTIONS.map((g) => g.gate).join(', ')}.`,
};

/** The root action.yml: every gate's inputs and outputs, run in one step by actions/suite's bundle. */
export function rootManifest(gates = GATE_DESCRIPTIONS) {
  const inputs = collect('inputs', gates);
  const outputs = collect('outputs', gates);
  return render(
    {
      name: 'trustgate',
      description: `Run trustgate's gates (${gates.map((g) => g.gate).join(', ')}) in one step, with the inputs and outputs of each gate's own action.`,
      author: 'trustgate',
      branding: { icon: 'shield', color: 'blue' },
      inputs: {
        gates: { description: GATES_INPUT.description, required: true },
        ...Object.fromEntries(inputs.map(({ item, gates: g }) => [item.name, inputEntry(item, { root: true, gates: g })])),
      },
      outputs: Object.fromEntries(
        outputs.map(({ item, gates: g }) => [
          item.name,
          { description: `${g.join(', ')}: ${item.description}`, value: expr(`steps.gate.outputs.${item.name}`) },
        ]),
      ),
      runs: {
        using: 'composite',
        steps: [
          gateStep([GATES_INPUT, ...inputs.map((i) => i.item)], 'actions/suite/dist/index.js'),
          ...gates.flatMap((g) => g.after ?? []),
        ],
      },
    },
    'packages/core/src/gates/*.ts',
  );
}

/** Every generated file: path (relative to the repository) -> content. */
export function manifests(gates = GATE_DESCRIPTIONS) {
  const files = { 'action.yml': rootManifest(gates) };
  for (const g of gates) files[`actions/${g.gate}/action.yml`] = gateManifest(g);
  const suite = rootManifest(gates).replace('actions/suite/dist/index.js', 'dist/index.js');
  files['actions/suite/action.yml'] = suite.replace(/^name: trustgate$/m, 'name: trustgate suite');
  return files;
}
