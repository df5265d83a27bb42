import type { CommandSpec } from '../spec.js';

/** Commands of the CLI itself (help, version, completion). */
export const helpSpec = {
  name: 'help',
  summary: 'show the help of trustgate or of a command',
  positionals: [{ name: 'COMMAND', description: 'a command, e.g. scan or trust-tax backfill', variadic: true }],
  options: {},
} as const satisfies CommandSpec;

export const versionSpec = {
  name: 'version',
  summary: 'print the version (also -v, --version)',
  options: {},
} as const satisfies CommandSpec;

export const completionSpec = {
  name: 'completion',
  summary: 'print a shell completion script (bash or zsh)',
  description:
    'bash: add  source <(trustgate completion bash)  to ~/.bashrc\nzsh:  add  source <(trustgate completion zsh)   to ~/.zshrc (after compinit)',
  positionals: [{ name: 'SHELL', description: 'bash or zsh', required: true, choices: ['bash', 'zsh'] }],
  options: {},
} as const satisfies CommandSpec;
