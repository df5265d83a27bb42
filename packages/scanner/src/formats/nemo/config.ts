import type { Finding, ScanPolicy } from '@trustgate/core/base';
import { parse } from 'yaml';
import { BREADTH_RULES as R } from '../../rules-breadth.js';
import { finding } from '../../rules.js';
import type { ByteSource } from '../../source.js';
import { judgeDotted } from '../dotted-target.js';

// NeMo restores a model by hydra.utils.instantiate over this config: every `_target_` is imported and called.
const TRUSTED = ['nemo.', 'torch.nn.', 'torch.optim.', 'pytorch_lightning.', 'lightning.', 'omegaconf.'];
const CONFIG_CAP = 16 << 20;

function* targets(node: unknown, path: string): Generator<[string, unknown]> {
  if (Array.isArray(node)) for (const [i, v] of node.entries()) yield* targets(v, `${path}[${i}]`);
  else if (typeof node === 'object' && node !== null)
    for (const [k, v] of Object.entries(node)) {
      if (k === '_target_') yield [path || '(root)', v];
      else yield* targets(v, path ? `${path}.${k}` : k);
    }
}

/** The `_target_`s of a NeMo model_config.yaml judged as the imports they are (CVE-2025-23304). */
export async function judgeNemoConfig(member: ByteSource, policy: ScanPolicy): Promise<Finding[]> {
  const at = { path: member.name };
  if (member.size > CONFIG_CAP) return [finding(R.nemoConfig, `model_config.yaml is over ${CONFIG_CAP} bytes; not analysed`, at)];
  let config: unknown;
  try {
    config = parse(new TextDecoder('utf-8', { fatal: true }).decode(await member.read(0, member.size)), { maxAliasCount: 1000 });
  } catch (e) {
    return [finding(R.nemoConfig, `model_config.yaml is not valid YAML (${(e as Error).message.split('\n')[0]}); not analysed`, at)];
  }
  const out: Finding[] = [];
  for (const [where, target] of targets(config, '')) {
    if (typeof target !== 'string') {
      out.push(finding(R.nemoUnreviewedTarget, `${where}._target_ is not a string; what it instantiates cannot be known`, at));
      continue;
    }
    const j = judgeDotted(target, policy, TRUSTED);
    if (j.verdict === 'unsafe')
      out.push(finding(R.nemoDangerousTarget, `${where}._target_ instantiates ${target}: ${j.reason}`, at, target));
    else if (j.verdict === 'review')
      out.push(finding(R.nemoUnreviewedTarget, `${where}._target_ instantiates ${target}: ${j.reason}`, at, target));
  }
  return out;
}
