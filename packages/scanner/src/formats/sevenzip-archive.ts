import type { Finding } from '@trustgate/core/base';
import type { Analysis } from '../analyser.js';
import { memberNameProblem } from '../containers/member-name.js';
import { absorb, conclude, type Outcome } from '../conclude.js';
import { finding, RULES } from '../rules.js';
import type { ScanContext } from '../scan-context.js';
import { bufferSource } from '../source.js';
import { containerFinding } from './container-errors.js';

/** A 7z archive: read (sevenzip.ts: TypeScript for the common case, else 7-Zip) under the file's budget, every member sniffed and analysed. */
export async function analyseSevenZip(ctx: ScanContext): Promise<Analysis> {
  const { source } = ctx;
  const { readSevenZip } = await import('../containers/sevenzip.js');
  let members: Awaited<ReturnType<typeof readSevenZip>>;
  try {
    members = await readSevenZip(source, ctx.policy.limits, ctx.budget);
  } catch (e) {
    return conclude('7z', [containerFinding(e, source.name, RULES.archiveParse)], [], undefined, 'failed');
  }
  const findings: Finding[] = [];
  const nested: Outcome[] = [];
  for (const m of members) {
    const path = `${source.name}!/${m.name}`;
    const problem = memberNameProblem(m.name);
    if (problem) findings.push(finding(RULES.memberName, `member name ${JSON.stringify(m.name)} ${problem}`, { path: source.name }));
    if (m.directory) continue;
    if (m.encrypted) {
      findings.push(finding(RULES.encrypted, `member ${JSON.stringify(m.name)} is encrypted; its content was not analysed`, { path }));
      continue;
    }
    if (!m.bytes) {
      findings.push(finding(RULES.archiveParse, `member ${JSON.stringify(m.name)} could not be extracted; not analysed`, { path }));
      continue;
    }
    const a = await ctx.scanNested(bufferSource(path, m.bytes));
    absorb(findings, a, path);
    nested.push(a);
  }
  return conclude('7z', findings, nested, { properties: { members: String(members.length) } });
}
