import { resolve } from 'node:path';
import { CoreError, writeFileAtomic } from '@trustgate/core';
import { decidePromotionFromFiles, decisionToJson, decisionToMarkdown, type PromotionResult } from '@trustgate/gate';
import { appendDecision, type DecisionSigner, decisionSignerFrom, entryFromDecision } from '@trustgate/metrics';
import { usageError } from '../args.js';
import { type CliIO, defineCommand, EXIT } from '../io.js';
import { gateSpec } from '../specs/gate.js';
import { openCliStore, type StoreValues, withStore } from './store.js';

export default defineCommand(gateSpec, async ({ values, positionals }, io) => {
  // Paths go to the engine as given (read from io.cwd): the decision names them as the user wrote them.
  // `--evidence a b c` leaves b and c as positionals: both spellings name evidence files.
  const files = [...(values.evidence ?? []), ...positionals];
  if (files.length === 0 && values.repo === undefined)
    throw usageError(gateSpec, 'give evidence with --evidence F... or --repo O/R (with GITHUB_TOKEN)');
  const token = io.env.GITHUB_TOKEN;
  if (values.repo !== undefined && !token)
    throw new CoreError('USAGE_ERROR', '--repo reads the attestations API and needs GITHUB_TOKEN in the environment');
  // The key is read before deciding: a decision that cannot be logged is not made.
  const signer = values['log-decision'] ? await logSigner(values['signing-key'], io) : undefined;
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
  if (signer) await logDecision(result, signer, values, io);
  if (values.statement !== undefined)
    await writeFileAtomic(resolve(io.cwd, values.statement), `${JSON.stringify(result.statement, null, 2)}\n`);
  const passed = result.decision.decision === 'pass';
  if (values.format === 'json') io.stdout(decisionToJson(result.decision));
  else if (!(values.quiet && passed)) io.stdout(decisionToMarkdown(result.decision, { dryRun: values['dry-run'] }));
  if (passed || values['dry-run']) return EXIT.ok;
  return EXIT.blocked;
});

async function logSigner(file: string | undefined, io: CliIO): Promise<DecisionSigner> {
  const signer = await decisionSignerFrom(file, io.env);
  if (!signer)
    throw usageError(
      gateSpec,
      '--log-decision signs the record: give --signing-key PEM or set TRUSTGATE_DECISION_KEY_FILE (an Ed25519 key)',
    );
  return signer;
}

/** Append the decision to the store's signed log, and say which record it is. */
async function logDecision(result: PromotionResult, signer: DecisionSigner, values: StoreValues, io: CliIO): Promise<void> {
  const { uri, digest } = result.statement.predicate.policy;
  const entry = entryFromDecision(result.decision, { uri, sha256: digest.sha256 ?? '' }, 'cli');
  const record = await withStore(await openCliStore(values, io, true), (store) => appendDecision(store, entry, signer));
  io.stderr(`trustgate gate: decision logged as record ${record.seq} (${record.hash}), signed by ${record.keyId}\n`);
}
