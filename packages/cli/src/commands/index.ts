import type { Command } from '../io.js';

/** name -> loader; commands are imported lazily so `trustgate --version` stays fast. */
export const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  scan: {
    summary: 'scan model files for unsafe code (pickle, archives, model formats)',
    load: async () => (await import('./scan.js')).default,
  },
  'verify-bundle': {
    summary: 'verify a Sigstore bundle for a file or digest',
    load: async () => (await import('./verify-bundle.js')).default,
  },
  'verify-model': {
    summary: 'verify an OpenSSF model signature over a model directory',
    load: async () => (await import('./verify-model.js')).default,
  },
  'verify-attestation': {
    summary: 'verify a GitHub artifact attestation',
    load: async () => (await import('./verify-attestation.js')).default,
  },
  gate: { summary: 'decide a promotion from policy and signed evidence', load: async () => (await import('./gate.js')).default },
  tag: {
    summary: 'classify a pull request as agent, assisted, human, unknown or bot',
    load: async () => (await import('./tag.js')).default,
  },
  agents: {
    summary: 'inventory and judge MCP servers, skills and agent instruction files',
    load: async () => (await import('./agents.js')).default,
  },
  'trust-tax': {
    summary: 'report what AI-written code costs in review and rework',
    load: async () => (await import('./trust-tax.js')).default,
  },
  serve: { summary: 'run the trustgate GitHub App', load: async () => (await import('./serve.js')).default },
};
