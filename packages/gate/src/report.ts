import { cell } from '@trustgate/core';
import type { Decision } from './decide.js';
import type { RequirementStatus } from './requirements/index.js';

const ICON: Record<RequirementStatus, string> = { met: '✅', missing: '❔', failed: '⛔', waived: '🟡' };

export function decisionToJson(decision: Decision): string {
  return `${JSON.stringify(decision, null, 2)}\n`;
}

/** The step-summary form: one row per requirement with why, then the evidence that did not count, then waivers. */
export function decisionToMarkdown(decision: Decision, options: { dryRun?: boolean } = {}): string {
  const head = decision.decision === 'pass' ? '✅ pass' : '⛔ fail';
  const lines = [
    `### trustgate gate: ${head}${options.dryRun ? ' (dry run)' : ''}`,
    '',
    `\`${decision.subject.digest}\`${decision.subject.name ? ` (${cell(decision.subject.name)})` : ''} → **${cell(decision.environment)}**`,
    '',
    ...(decision.ungated ? [`${decision.ungated} Nothing was verified.`, ''] : []),
    '| requirement | status | why |',
    '|---|---|---|',
    ...decision.requirements.map((r) => `| ${r.id} | ${ICON[r.status]} ${r.status} | ${cell(r.reason)} |`),
  ];
  if (decision.requirements.length === 0) {
    lines.push(
      decision.ungated
        ? '| (none) | ✅ ungated | promotion.allowWithoutPolicy |'
        : '| (none) | ✅ met | the environment requires no evidence |',
    );
  }
  const ignored = decision.evidence.ignored;
  if (ignored.length > 0) {
    lines.push('', '| evidence not counted | kind | why |', '|---|---|---|');
    for (const e of ignored) lines.push(`| \`${cell(e.origin)}\` | ${e.kind} | ${cell(e.reason)} |`);
  }
  if (decision.waivers.length > 0) {
    lines.push('', '| waiver | status | approver | expires | reason |', '|---|---|---|---|---|');
    for (const w of decision.waivers) {
      lines.push(`| ${cell(w.requirement)} | ${w.status} | ${cell(w.approver)} | ${cell(w.expires)} | ${cell(w.reason)} |`);
    }
  }
  lines.push('', `${decision.evidence.counted.length} piece(s) of verified evidence counted; decided ${decision.decidedAt}.`);
  return `${lines.join('\n')}\n`;
}
