import { resolve } from 'node:path';
import type { ActionIO, GateOutcome } from '@trustgate/action-kit';
import {
  blocksFile,
  CoreError,
  defaultPolicy,
  loadPolicyFile,
  type ScanPolicy,
  toJson,
  toMarkdown,
  VERDICTS,
  type Verdict,
} from '@trustgate/core';
import { buildMlBom, scanReport, scanSarif, scanStatement, withModelReferences } from '@trustgate/scanner';

function failOnInput(io: ActionIO, fallback: readonly Verdict[]): Verdict[] {
  const list = io.listInput('fail-on');
  if (list.length === 0) return [...fallback];
  for (const v of list)
    if (!VERDICTS.includes(v as Verdict))
      throw new CoreError('USAGE_ERROR', `input fail-on: "${v}" is not a verdict; use ${VERDICTS.join(', ')}`);
  return list as Verdict[];
}

/** The model-scan gate as an action step: inputs -> engine -> outputs, summary, annotations, SARIF, Statement. */
export async function modelScan(io: ActionIO): Promise<GateOutcome> {
  const paths = io.listInput('path');
  if (paths.length === 0)
    throw new CoreError('USAGE_ERROR', 'input path is empty; give the model files or directories to scan, one per line');
  const policyFile = io.input('policy');
  const base: ScanPolicy = policyFile ? (await loadPolicyFile(resolve(io.workspace, policyFile))).scan : defaultPolicy().scan;
  const policy: ScanPolicy = { ...base, failOn: failOnInput(io, base.failOn) };
  const scanned = await scanReport(paths, { policy, cwd: io.workspace });
  // sources: also report model references in code and configs that scan.sources does not allow.
  const report = io.booleanInput('sources', false) ? await withModelReferences(scanned, paths, policy, io.workspace) : scanned;

  const reportPath = resolve(io.env.RUNNER_TEMP ?? io.workspace, 'trustgate-model-scan.json');
  await io.writeFile(reportPath, toJson(report));
  const sarif = io.input('sarif');
  if (sarif) await io.writeFile(resolve(io.workspace, sarif), `${JSON.stringify(scanSarif(report), null, 2)}\n`);
  const mlbom = io.input('mlbom');
  if (mlbom) await io.writeFile(resolve(io.workspace, mlbom), `${JSON.stringify(buildMlBom(report), null, 2)}\n`);
  const statement = io.input('statement');
  if (statement) await io.writeFile(resolve(io.workspace, statement), `${JSON.stringify(scanStatement(report), null, 2)}\n`);

  for (const f of report.files) {
    if (f.verdict === 'safe') continue;
    for (const x of f.findings) io.annotate(x, (x.location?.path ?? f.path).split('!/')[0] ?? f.path);
  }
  await io.summary(toMarkdown(report, 'trustgate model scan'));
  const s = report.summary;
  io.output('verdict', s.verdict);
  io.output('finding-verdict', s.findingVerdict);
  io.output('completeness', s.completeness);
  io.output('unsafe-count', s.unsafe);
  io.output('incomplete-count', s.incomplete);
  io.output('report', reportPath);
  io.info(
    `trustgate model scan: ${s.files} files, ${s.safe} safe, ${s.review} review, ${s.unsafe} unsafe, ${s.error} error, ${s.incomplete} not fully analysed`,
  );
  if (!s.blocking) return { failed: false };
  const blocking = report.files.filter((f) => blocksFile(f, policy.failOn)).map((f) => `${f.path} (${f.verdict})`);
  return { failed: true, reason: `trustgate model scan blocked on ${blocking.length} file(s): ${blocking.slice(0, 10).join(', ')}` };
}
