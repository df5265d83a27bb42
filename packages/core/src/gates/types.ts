/**
 * One description per gate: the action inputs and outputs (per-gate action.yml and the root action.yml are generated
 * from it, so they cannot drift), the CLI flag each input shares, and the policy setting it overrides.
 */
export interface GateInput {
  name: string;
  description: string;
  /** The per-gate action fails without it (the root action cannot require it: other gates run without it). */
  required?: boolean;
  /** action.yml default. Inputs that override the policy have none: empty means "the workflow did not set it". */
  default?: string;
  kind?: 'string' | 'boolean' | 'list';
  /** The `.github/trustgate.yml` setting this input overrides when the workflow sets it. */
  overrides?: string;
  /** The CLI flag taking the same value; false when the CLI has none (a positional, or action-only). */
  flag?: string | false;
  /** Also read by the composite action's own steps after the script (attest: the actions/attest step). */
  composite?: boolean;
}

export interface GateOutput {
  name: string;
  description: string;
}

export interface GateDescription {
  /** The gate's id: actions/<gate>/, the root action's `gates:` value. */
  gate: string;
  /** action.yml name and description. */
  title: string;
  summary: string;
  icon: string;
  /** The CLI command running the same engine, when there is one. */
  command?: string;
  inputs: readonly GateInput[];
  outputs: readonly GateOutput[];
  /** Composite steps after the gate's script (they read `steps.gate.outputs.*` and `inputs.*`). */
  after?: readonly Record<string, unknown>[];
}
