import { basename, join, resolve } from 'node:path';
import { type ActionIO, decidedBy, type GateOutcome, gatePolicy } from '@trustgate/action-kit';
import { CoreError, POLICY_PATH, promotionGateGate } from '@trustgate/core';
import { decidePromotionFromFiles, decisionToJson, decisionToMarkdown } from '@trustgate/gate';
import { sha256File } from '@trustgate/verify';

/**
 * The promotion gate as an action step: inputs -> decidePromotion -> outputs, step summary and the files
 * the `attest` step signs (the VSA predicate, keyed by the subject digest).
 */
export async function promotionGate(io: ActionIO): Promise<GateOutcome> {
  const environment = io.requiredInput('environment');
  const at = (p: string) => resolve(io.workspace, p);
  const { digest, name } = await subject(io, at);
  const resolved = await gatePolicy(io);
  if (!resolved.file)
    throw new CoreError(
      'CONFIG_NOT_FOUND',
      `the promotion gate needs a policy with promotion environments: add ${POLICY_PATH} to the repository or set the policy input`,
    );
  const trustedRoot = io.input('trusted-root') || resolved.policy.verify.trustedRoot;
  const repository = io.env.GITHUB_REPOSITORY;
  const dryRun = io.booleanInput('dry-run', false);
  const { decision, statement } = await decidePromotionFromFiles({
    policyFile: at(resolved.file),
    environment,
    subject: digest,
    ...(name ? { subjectName: name } : {}),
    evidenceFiles: io.listInput('evidence').map(at),
    ...(trustedRoot ? { trustedRootFile: at(trustedRoot) } : {}),
    ...(repository ? { repository, token: io.input('github-token') } : {}),
    ...(io.env.GITHUB_API_URL ? { apiUrl: io.env.GITHUB_API_URL } : {}),
  });
  const out = join(io.env.RUNNER_TEMP ?? io.workspace, 'trustgate-gate');
  const files = {
    report: join(out, 'decision.json'),
    statement: join(out, 'decision.intoto.json'),
    predicate: join(out, 'vsa-predicate.json'),
  };
  await io.writeFile(files.report, decisionToJson(decision));
  await io.writeFile(files.statement, `${JSON.stringify(statement, null, 2)}\n`);
  await io.writeFile(files.predicate, `${JSON.stringify(statement.predicate)}\n`);
  io.output('decision', decision.decision);
  io.output('decision-report', files.report);
  io.output('decision-statement', files.statement);
  io.output('predicate', files.predicate);
  io.output('subject-digest', decision.subject.digest);
  io.output('subject-name', name ?? decision.subject.digest);
  await io.summary(`${decisionToMarkdown(decision, { dryRun })}\n${decidedBy(io, promotionGateGate, resolved)}\n`);
  if (decision.decision === 'pass') return { failed: false };
  const blocking = decision.requirements.filter((r) => r.status === 'missing' || r.status === 'failed').map((r) => r.id);
  const reason = `trustgate: promotion of ${decision.subject.digest} to ${environment} blocked by ${blocking.join(', ')}`;
  if (dryRun) {
    io.info(`${reason} (dry run: not failing the step)`);
    return { failed: false };
  }
  return { failed: true, reason };
}

async function subject(io: ActionIO, at: (p: string) => string): Promise<{ digest: string; name?: string }> {
  const digest = io.input('subject-digest');
  const path = io.input('subject-path');
  if (digest !== '' && path !== '') throw new CoreError('USAGE_ERROR', 'give subject-digest or subject-path, not both');
  if (digest !== '') return { digest };
  if (path === '') throw new CoreError('USAGE_ERROR', 'give subject-digest (sha256:<hex>) or subject-path (the artifact file)');
  return { digest: `sha256:${await sha256File(at(path))}`, name: basename(path) };
}
