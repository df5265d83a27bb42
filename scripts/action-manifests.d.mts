import type { GateDescription, GateInput, GateOutput } from '@trustgate/core';

export function gateManifest(gate: GateDescription): string;
export function rootManifest(gates?: readonly GateDescription[]): string;
export function collect<K extends 'inputs' | 'outputs'>(
  kind: K,
  gates?: readonly GateDescription[],
): { item: K extends 'inputs' ? GateInput : GateOutput; gates: string[] }[];
export function manifests(gates?: readonly GateDescription[]): Record<string, string>;
