import type { Finding } from '@trustgate/core/base';
import type { AnalyserContext, Analysis } from '../analyser.js';
import { memberNameProblem } from '../containers/member-name.js';
import { readTar } from '../containers/tar.js';
import { sliceSource } from '../io/slice-source.js';
import { absorb, conclude, type Outcome } from '../conclude.js';
import { finding, RULES } from '../rules.js';
import { containerFinding } from './container-errors.js';
import { scanLegacyTarMember } from './torch-legacy-tar.js';

const LEGACY_TORCH_MEMBERS = ['sys_info', 'pickle', 'storages', 'tensors'];
const NEMO_CONFIG = 'model_config.yaml';

/** A tar archive (including torch's oldest checkpoint format): every regular member sniffed and analysed. */
export async function analyseTar(ctx: AnalyserContext): Promise<Analysis> {
  const { source } = ctx;
  const findings: Finding[] = [];
  const nested: Outcome[] = [];
  let members: Awaited<ReturnType<typeof readTar>>;
  try {
    members = await readTar(source, ctx.policy.limits);
  } catch (e) {
    return conclude('tar', [containerFinding(e, source.name, RULES.archiveParse)], [], undefined, 'failed');
  }
  const names = new Set(members.map((m) => m.name));
  const legacy = LEGACY_TORCH_MEMBERS.every((n) => names.has(n));
  // A NeMo archive: model_config.yaml (restored through Hydra) next to the weights checkpoint.
  const nemo = [...names].some((n) => n.replace(/^\.\//, '') === NEMO_CONFIG);
  for (const m of members) {
    const problem = memberNameProblem(m.name);
    if (problem) findings.push(finding(RULES.memberName, `member name ${JSON.stringify(m.name)} ${problem}`, { path: source.name }));
    if ((m.type === '1' || m.type === '2') && memberNameProblem(m.linkName))
      findings.push(
        finding(RULES.memberName, `link ${JSON.stringify(m.name)} points outside the archive (${m.linkName})`, { path: source.name }),
      );
    if (m.type !== '0' && m.type !== '7') {
      // Links, directories and devices carry no data; anything else with data (GNU sparse files) is not read here.
      if (m.size > 0 && !'123456'.includes(m.type))
        findings.push(
          finding(RULES.unsupportedArchive, `tar member ${JSON.stringify(m.name)} of type ${JSON.stringify(m.type)} was not analysed`, {
            path: source.name,
          }),
        );
      continue;
    }
    const path = `${source.name}!/${m.name}`;
    const member = sliceSource(source, path, m.offset, m.size);
    if (legacy && (m.name === 'storages' || m.name === 'tensors')) {
      const found = await scanLegacyTarMember(ctx, member, m.name);
      findings.push(...found);
      nested.push(conclude('pytorch-legacy-tar', found));
      continue;
    }
    if (nemo && m.name.replace(/^\.\//, '') === NEMO_CONFIG) {
      const judged = await (await import('./nemo/config.js')).judgeNemoConfig(member, ctx.policy);
      findings.push(...judged);
      nested.push(conclude('nemo', judged));
    }
    const a = await ctx.scanNested(member);
    absorb(findings, a, path);
    nested.push(a);
  }
  const format = legacy ? 'pytorch-legacy-tar' : nemo ? 'nemo' : 'tar';
  return conclude(format, findings, nested, legacy || nemo ? { framework: legacy ? 'pytorch' : 'nemo' } : undefined);
}
