import type { CommandSpec } from '../spec.js';
import { agentsSpec } from './agents.js';
import { decisionsSpec } from './decisions.js';
import { completionSpec, helpSpec, versionSpec } from './builtins.js';
import { gateSpec } from './gate.js';
import { initSpec } from './init.js';
import { scanSpec } from './scan.js';
import { serveSpec } from './serve.js';
import { tagSpec } from './tag.js';
import { trustTaxSpec } from './trust-tax.js';
import { verifyAttestationSpec } from './verify-attestation.js';
import { verifyBundleSpec } from './verify-bundle.js';
import { verifyModelSpec } from './verify-model.js';
import { verifyReleaseAssetSpec } from './verify-release-asset.js';

/**
 * Every command's description, in `trustgate --help` order: data only, importable without loading any engine
 * (help, completion and generated action inputs read it). Add a command here and its runner in commands/index.ts.
 */
export const COMMAND_SPECS: readonly CommandSpec[] = [
  scanSpec,
  verifyBundleSpec,
  verifyModelSpec,
  verifyAttestationSpec,
  verifyReleaseAssetSpec,
  gateSpec,
  decisionsSpec,
  tagSpec,
  agentsSpec,
  trustTaxSpec,
  initSpec,
  serveSpec,
  completionSpec,
  helpSpec,
  versionSpec,
];

/** Every spec including subcommands (`trust-tax backfill`, ...). */
export function allSpecs(specs: readonly CommandSpec[] = COMMAND_SPECS): CommandSpec[] {
  return specs.flatMap((s) => [s, ...allSpecs(s.subcommands ?? [])]);
}

export type { CommandSpec, OptionSpec, PositionalSpec, ValueKind } from '../spec.js';
export { completionSpec, helpSpec, versionSpec } from './builtins.js';
export {
  scanSpec,
  verifyBundleSpec,
  verifyModelSpec,
  verifyAttestationSpec,
  verifyReleaseAssetSpec,
  gateSpec,
  decisionsSpec,
  tagSpec,
  agentsSpec,
  trustTaxSpec,
  initSpec,
  serveSpec,
};
