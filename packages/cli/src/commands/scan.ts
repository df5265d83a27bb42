import { resolve } from 'node:path';
import {
  CoreError,
  defaultScanPolicy,
  type Report,
  type ScanPolicy,
  toJson,
  toMarkdown,
  toText,
  VERDICTS,
  type Verdict,
  writeFileAtomic,
} from '@trustgate/core/base';
import type { RemoteScanOptions } from '@trustgate/scanner';
import { DEFAULT_ENDPOINT, isRemoteReference, scanReport, scanSarif, scanStatement } from '@trustgate/scanner/local';
import { defineCommand, EXIT } from '../io.js';
import { scanSpec } from '../specs/scan.js';

function render(report: Report, format: (typeof scanSpec.options.format.choices)[number], quiet: boolean, cwd: string): string {
  switch (format) {
    case 'json':
      return toJson(report);
    case 'sarif':
      // Relative to where the scan ran, as code scanning maps results to the checkout (%SRCROOT%).
      return `${JSON.stringify(scanSarif(report, { root: cwd, cwd, automationId: 'trustgate/scan/' }), null, 2)}\n`;
    case 'markdown':
      return toMarkdown(report);
    default:
      return toText(quiet ? { ...report, files: report.files.filter((f) => f.findings.length > 0 || f.verdict !== 'safe') } : report);
  }
}

function failOnFlag(value: string): Verdict[] {
  const list = value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  for (const v of list)
    if (!VERDICTS.includes(v as Verdict))
      throw new CoreError('USAGE_ERROR', `--fail-on: "${v}" is not a verdict; use ${VERDICTS.join(', ')} (comma-separated)`);
  return list as Verdict[];
}

export default defineCommand(scanSpec, async ({ values, positionals }, io) => {
  const at = (f: string) => resolve(io.cwd, f);
  // The policy loader (zod, yaml) is loaded only when a policy file is given.
  const base: ScanPolicy = values.policy
    ? (await (await import('@trustgate/core')).loadPolicyFile(at(values.policy))).scan
    : defaultScanPolicy();
  const policy: ScanPolicy = values['fail-on'] ? { ...base, failOn: failOnFlag(values['fail-on']) } : base;
  // isTTY last: the CLI finds it out only when asked.
  const progress = !values.quiet && !io.env.CI && io.isTTY;
  const options = {
    policy,
    cwd: io.cwd,
    // The same walk as the model-scan action: VCS directories skipped unless asked, globs relative to the cwd.
    select: { include: values.include ?? [], exclude: values.exclude ?? [], vcs: values['include-vcs'] === true },
    // Whole-file digests are read only for the outputs that carry them (DESIGN.md: JSON's sha256 is contract).
    digest: values.format === 'json' || values.statement !== undefined || values.mlbom !== undefined,
    onProgress: progress
      ? (done: number, total: number, path: string) => io.stderr(`\r\u001b[2K[${done}/${total}] ${path.slice(-60)}`)
      : undefined,
  };
  const endpoint = io.env.HF_ENDPOINT || DEFAULT_ENDPOINT;
  const remote = positionals.find((p) => isRemoteReference(p, endpoint));
  if (remote !== undefined && (positionals.length > 1 || values.sources))
    throw new CoreError('USAGE_ERROR', `scan ${remote} on its own: one Hub repository per run, without local paths or --sources`);
  const hub = { endpoint, ...(io.env.HF_TOKEN ? { token: io.env.HF_TOKEN } : {}) };
  // The Hub client, source references and ML-BOM are loaded only by the runs that use them.
  const scanRemote = async (ref: string, o: RemoteScanOptions) => (await import('@trustgate/scanner')).scanRemote(ref, o);
  const scanned = remote === undefined ? await scanReport(positionals, options) : await scanRemote(remote, { ...options, hub });
  if (progress && scanned.files.length > 0) io.stderr('\r\u001b[2K');
  // scan.sources.requireRemoteScan: each allowed, pinned Hugging Face reference is scanned before download too.
  const report = values.sources
    ? await (await import('@trustgate/scanner')).withModelReferences(scanned, positionals, policy, io.cwd, {
        scanRemote: (ref) => scanRemote(ref, { policy, hub }),
      })
    : scanned;
  const text = render(report, values.format, values.quiet, io.cwd);
  if (values.out) await writeFileAtomic(at(values.out), text);
  else io.stdout(text);
  if (values.mlbom) await writeFileAtomic(at(values.mlbom), (await import('./scan-extras.js')).mlBomText(report));
  if (values.statement) await writeFileAtomic(at(values.statement), `${JSON.stringify(scanStatement(report), null, 2)}\n`);
  return report.summary.blocking ? EXIT.blocked : EXIT.ok;
});
