import { resolve } from 'node:path';
import { type ActionIO, decidedBy, type GateOutcome, gatePolicy } from '@trustgate/action-kit';
import {
  blocksFile,
  CoreError,
  type Finding,
  modelScanGate,
  type ScanPolicy,
  severityRank,
  toJson,
  toStepSummary,
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

// Globs may hold commas (`{a,b}`): one per line.
const globs = (io: ActionIO, name: string) =>
  io
    .input(name)
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * The model-scan gate as an action step: inputs -> engine -> outputs and summary first, then annotations and the
 * files other steps consume (SARIF, ML-BOM, Statement).
 */
export async function modelScan(io: ActionIO): Promise<GateOutcome> {
  const paths = io.listInput('path');
  if (paths.length === 0)
    throw new CoreError('USAGE_ERROR', 'input path is empty; give the model files or directories to scan, one per line');
  const resolved = await gatePolicy(io);
  const policy: ScanPolicy = { ...resolved.policy.scan, failOn: failOnInput(io, resolved.policy.scan.failOn) };
  const select = { include: globs(io, 'include'), exclude: globs(io, 'exclude'), vcs: io.booleanInput('include-vcs', false) };
  const scanned = await scanReport(paths, { policy, cwd: io.workspace, select });
  // sources: also report model references in code and configs that scan.sources does not allow.
  const report = io.booleanInput('sources', false) ? await withModelReferences(scanned, paths, policy, io.workspace) : scanned;

  const reportPath = resolve(io.env.RUNNER_TEMP ?? io.workspace, 'trustgate-model-scan.json');
  await io.writeFile(reportPath, toJson(report));
  const s = report.summary;
  io.output('verdict', s.verdict);
  io.output('finding-verdict', s.findingVerdict);
  io.output('completeness', s.completeness);
  io.output('unsafe-count', s.unsafe);
  io.output('incomplete-count', s.incomplete);
  io.output('scan-report', reportPath);
  const notes = [decidedBy(io, modelScanGate, resolved), `Blocking verdicts: ${policy.failOn.join(', ')}.`];
  await io.summary(
    toStepSummary(report, { title: 'trustgate model scan', notes, reportPath, maxBytes: Math.max(4096, io.summaryBudget() - 32 * 1024) }),
  );
  io.info(
    `trustgate model scan: ${s.files} files, ${s.safe} safe, ${s.review} review, ${s.unsafe} unsafe, ${s.error} error, ${s.incomplete} not fully analysed`,
  );

  const annotations: { finding: Finding; file: string }[] = [];
  for (const f of report.files)
    if (f.verdict !== 'safe')
      for (const x of f.findings) annotations.push({ finding: x, file: (x.location?.path ?? f.path).split('!/')[0] ?? f.path });
  annotations.sort((a, b) => severityRank(b.finding.severity) - severityRank(a.finding.severity));
  for (const a of annotations) io.annotate(a.finding, a.file);

  const sarif = io.input('sarif');
  if (sarif) {
    const doc = scanSarif(report, { root: io.workspace, cwd: io.workspace, automationId: 'trustgate/model-scan/' });
    await io.writeFile(resolve(io.workspace, sarif), `${JSON.stringify(doc, null, 2)}\n`);
  }
  const mlbom = io.input('mlbom');
  if (mlbom) await io.writeFile(resolve(io.workspace, mlbom), `${JSON.stringify(buildMlBom(report), null, 2)}\n`);
  const statementFile = io.input('scan-statement');
  if (statementFile || io.booleanInput('attest', false)) {
    const statement = scanStatement(report);
    if (statementFile) await io.writeFile(resolve(io.workspace, statementFile), `${JSON.stringify(statement, null, 2)}\n`);
    // What actions/attest takes: the predicate alone and the subjects as a sha256sum file.
    const predicate = resolve(io.env.RUNNER_TEMP ?? io.workspace, 'trustgate-scan-predicate.json');
    const subjects = resolve(io.env.RUNNER_TEMP ?? io.workspace, 'trustgate-scan-subjects.sha256');
    await io.writeFile(predicate, `${JSON.stringify(statement.predicate)}\n`);
    await io.writeFile(subjects, statement.subject.map((s) => `${s.digest.sha256}  ${s.name}\n`).join(''));
    io.output('scan-predicate', predicate);
    io.output('scan-subjects', subjects);
  }

  if (!s.blocking) return { failed: false };
  const blocking = report.files.filter((f) => blocksFile(f, policy.failOn)).map((f) => `${f.path} (${f.verdict})`);
  return { failed: true, reason: `trustgate model scan blocked on ${blocking.length} file(s): ${blocking.slice(0, 10).join(', ')}` };
}
