import { PREDICATE_TYPES } from '@trustgate/core';
import { evidenceOfType, type Requirement, result } from './types.js';

/** `requires.provenance`: SLSA provenance for this digest, signed by one of the listed build workflows. */
export const provenanceRequirement: Requirement = (ctx) => {
  const rule = ctx.policy.requires.provenance;
  if (rule === undefined) return [];
  const found = evidenceOfType(ctx, PREDICATE_TYPES.slsaProvenance, 'provenance');
  const workflows = rule.workflows.join(', ');
  if (found.length === 0) {
    return [result('provenance', 'missing', `no SLSA provenance for this digest signed by the workflow(s) ${workflows}`)];
  }
  return [result('provenance', 'met', `SLSA provenance signed by ${found[0]?.signer.identity ?? workflows}`, found)];
};
