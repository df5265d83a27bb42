import { mkdir } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { CoreError, writeFileAtomic } from '@trustgate/core';
import { defineCommand, EXIT } from '../io.js';
import { initSpec } from '../specs/init.js';

/** The policy `trustgate init` writes: every section with its safe default, the rest as commented examples. */
export const POLICY_TEMPLATE = `# trustgate policy: read by the CLI (--policy), the Actions and the GitHub App (from the base branch).
# Every section is optional; what is not set keeps the safe default. Reference: docs/*.md,
# JSON Schema for editor completion: schema/trustgate.schema.json.
version: 1

scan:
  # Verdicts that block: safe | review | unsafe | error (could not be analysed; never a pass by default).
  failOn: [unsafe, error]
  # Extra pickle globals to accept ("module.name" or "module.*"), e.g. your own classes:
  allowGlobals: []
  # sources: { allow: ["my-org/*", "huggingface.co"], block: [] }   # where models may come from

verify:
  # Who must have signed artifacts and models; any one entry suffices. Example:
  identities: []
  #  - identity: https://github.com/my-org/my-repo/.github/workflows/release.yml@refs/heads/main
  #    issuer: https://token.actions.githubusercontent.com

promotion:
  # Per environment, the signed evidence a digest needs before it is deployed there. Example:
  environments: {}
  #  staging:
  #    requires: { scan: { maxVerdict: review } }
  #  production:
  #    requires: { scan: { maxVerdict: safe }, promotedFrom: [staging] }

attribution:
  # true: a change without any AI marker counts as human; false: as unknown.
  requireDisclosure: false

review:
  # Architecture review on AI-tagged pull requests, per path. Example:
  rules: []
  #  - { name: core, paths: ["src/core/**"], teams: [my-org/architects], count: 1 }

guardrails:
  # Hosts agent-written text may link to.
  allowedHosts: [github.com]
  # agentPrsPerDay: 10

metrics:
  # Trust-tax breakdown by team (org/team-slug).
  teams: []
`;

export default defineCommand(initSpec, async ({ values }, io) => {
  const file = resolve(io.cwd, values.out);
  // As the user would type it: relative under the current directory, absolute elsewhere.
  const rel = relative(io.cwd, file);
  const shown = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
  await mkdir(dirname(file), { recursive: true });
  // Without --force an existing policy is never touched; either way a reader sees no half-written file.
  await writeFileAtomic(file, POLICY_TEMPLATE, { exclusive: !values.force }).catch((err: unknown) => {
    if (!(err instanceof CoreError && err.code === 'FILE_EXISTS')) throw err;
    throw new CoreError('FILE_EXISTS', `${shown} already exists; keep it, or pass --force to overwrite it`, { file: shown, cause: err });
  });
  io.stdout(`wrote ${shown}: edit it, then try  trustgate scan --policy ${shown} <models>\n`);
  return EXIT.ok;
});
