import type { Command } from '../io.js';

/**
 * Full command name -> runner, imported lazily so `trustgate --version` stays fast. Every spec in specs/index.ts
 * (subcommands included) has a runner here, except help and version, which main answers itself.
 */
export const RUNNERS: Record<string, () => Promise<Command>> = {
  scan: async () => (await import('./scan.js')).default,
  'verify-bundle': async () => (await import('./verify-bundle.js')).default,
  'verify-model': async () => (await import('./verify-model.js')).default,
  'verify-attestation': async () => (await import('./verify-attestation.js')).default,
  'verify-release-asset': async () => (await import('./verify-release-asset.js')).default,
  gate: async () => (await import('./gate.js')).default,
  decisions: async () => (await import('./decisions.js')).parent,
  'decisions export': async () => (await import('./decisions.js')).exportLog,
  'decisions verify': async () => (await import('./decisions.js')).verifyLog,
  tag: async () => (await import('./tag.js')).default,
  agents: async () => (await import('./agents.js')).default,
  'trust-tax': async () => (await import('./trust-tax.js')).report,
  'trust-tax backfill': async () => (await import('./trust-tax.js')).backfill,
  'trust-tax import': async () => (await import('./trust-tax.js')).importFile,
  'trust-tax seed-demo': async () => (await import('./trust-tax.js')).seedDemo,
  init: async () => (await import('./init.js')).default,
  serve: async () => (await import('./serve.js')).default,
  completion: async () => (await import('./completion.js')).default,
};
