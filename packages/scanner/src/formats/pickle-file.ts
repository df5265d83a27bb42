import type { Finding } from '@trustgate/core/base';
import type { Analysis } from '../analyser.js';
import type { ScanContext } from '../scan-context.js';
import { findEndRecord } from '../containers/zip.js';
import { absorb, conclude, type Outcome } from '../conclude.js';
import { scanPickles } from '../pickle/analyse.js';
import { finding, RULES } from '../rules.js';
import { globalsPolicy, machineLimits } from './policy.js';
import { joblibArrays } from './joblib.js';
import { analyseNestedPayloads } from './nested-payloads.js';
import { LegacyStorages } from './torch-legacy.js';
import { analyseZip } from './zip-archive.js';

// torch.save(_use_new_zipfile_serialization=False) starts with this pickle: protocol 2, LONG1 of the magic number.
const LEGACY_TORCH = [0x80, 0x02, 0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19, 0x2e];
// Legacy torch: magic, protocol version, sys info, the object, the storage keys; raw storage bytes follow.
const LEGACY_TORCH_PICKLES = 5;

/**
 * joblib steps over array bytes that `pickle.load` would run as opcodes; a file crafted for that loader hides
 * its payload in "array data". Read it again as plain pickle and keep the dangerous globals only that view sees
 * (parse failures there are expected: real array bytes are not opcodes).
 */
async function plainPickleView(ctx: ScanContext, seen: readonly Finding[]): Promise<Finding[]> {
  const plain = await scanPickles(ctx.source, { policy: globalsPolicy(ctx.policy), limits: machineLimits(ctx.policy), count: 1 });
  const known = new Set(seen.map((f) => f.evidence));
  return plain.findings
    .filter((f) => f.rule === RULES.dangerousGlobal.id && !known.has(f.evidence))
    .map((f) => ({ ...f, message: `read with pickle.load instead of joblib.load, ${f.message}` }));
}

function isLegacyTorch(head: Uint8Array): boolean {
  return LEGACY_TORCH.every((b, i) => head[i] === b);
}

/**
 * A file that is a pickle stream: raw pickles (back to back), legacy torch checkpoints and joblib dumps. A
 * pickle that also ends in a zip directory is a polyglot and is analysed as a zip too.
 */
export async function analysePickleFile(ctx: ScanContext, head: Uint8Array): Promise<Analysis> {
  const { source } = ctx;
  const legacy = isLegacyTorch(head);
  const storages = new LegacyStorages();
  const scan = await scanPickles(source, {
    policy: globalsPolicy(ctx.policy),
    limits: machineLimits(ctx.policy),
    onBuild: joblibArrays,
    ...(legacy ? { count: LEGACY_TORCH_PICKLES, onPersistentId: storages.collect } : {}),
  });
  const joblib = [...scan.globals.keys()].some((g) => g.startsWith('joblib.numpy_pickle.'));
  const format = legacy ? 'pytorch-legacy' : joblib ? 'joblib' : 'pickle';
  const findings = [...scan.findings];
  if (joblib) findings.push(...(await plainPickleView(ctx, scan.findings)));
  if (legacy && !scan.failed) findings.push(...(await storages.check(source, scan.end)));
  const inner = await analyseNestedPayloads(ctx, scan.nested);
  findings.push(...inner.findings);
  const nested: Outcome[] = [...inner.outcomes];
  if ((await findEndRecord(source)) !== undefined) {
    findings.push(
      finding(RULES.polyglot, 'the file is a pickle and also carries a zip archive; both were analysed', { path: source.name }),
    );
    const asZip = await analyseZip(ctx);
    absorb(findings, asZip, source.name);
    nested.push(asZip);
  }
  const properties: Record<string, string> = {
    pickleOpcodes: String(scan.opcodes),
    pickleGlobals: [...scan.globals.keys()].sort().join(' '),
  };
  return conclude(format, findings, nested, {
    framework: legacy ? 'pytorch' : joblib ? 'joblib' : 'pickle',
    properties,
  });
}
