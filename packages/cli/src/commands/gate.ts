import { resolve } from 'node:path';
import { CoreError, writeFileAtomic } from '@trustgate/core';
import { decidePromotionFromFiles, decisionToJson, decisionToMarkdown } from '@trustgate/gate';
import { usageError } from '../args.js';
import { defineCommand, EXIT } from '../io.js';
import { gateSpec } from '../specs/gate.js';

export default defineCommand(gateSpec, async ({ values, positionals }, io) => {
  // Paths go to the engine as given (read from io.cwd): the decision names them as the user wrote them.
  // `--evidence a b c` leaves b and c as positionals: both spellings name evidence files.
  const files = [...(values.evidence ?? []), ...positionals];
  if (files.length === 0 && values.repo === undefined)
    throw usageError(gateSpec, 'give evidence with --evidence F... or --repo O/R (with GITHUB_TOKEN)');
  const token = io.env.GITHUB_TOKEN;
  if (values.repo !== undefined && !token)
    throw new CoreError('USAGE_ERROR', '--repo reads the attestations API and needs GITHUB_TOKEN in the environment');
  const result = await decidePromotionFromFiles({
    policyFile: values.policy,
    environment: values.environment,
    subject: values.subject,
    evidenceFiles: files,
    ...(values['trusted-root'] ? { trustedRootFile: values['trusted-root'] } : {}),
    ...(values.repo !== undefined ? { repository: values.repo, token } : {}),
    ...(io.env.GITHUB_API_URL ? { apiUrl: io.env.GITHUB_API_URL } : {}),
    cwd: io.cwd,
  });
  if (values.statement !== undefined)
    await writeFileAtomic(resolve(io.cwd, values.statement), `${JSON.stringify(result.statement, null, 2)}\n`);
  io.stdout(
    values.format === 'json' ? decisionToJson(result.decision) : decisionToMarkdown(result.decision, { dryRun: values['dry-run'] }),
  );
  if (result.decision.decision === 'pass' || values['dry-run']) return EXIT.ok;
  return EXIT.blocked;
});
