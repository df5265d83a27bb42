import type { Finding } from '@trustgate/core';
import type { Classification } from './classify.js';

/** The CLI contract's JSON: cohort, agent, initiator, markers (+ aiLineShare when known). */
export function classificationJson(c: Classification): Record<string, unknown> {
  const out: Record<string, unknown> = { cohort: c.cohort, agent: c.agent, initiator: c.initiator, markers: c.markers };
  if (c.aiLineShare) out.aiLineShare = c.aiLineShare;
  return out;
}

/** How the check names the initiator: the account, or plainly that it is unknown and why. */
export function initiatorText(i: Classification['initiator']): string {
  if (i === null) return 'none (no agent involved)';
  if (i.resolved) return `${i.login ?? i.id}${i.accountId !== undefined ? ` (id ${i.accountId})` : ''} (rule ${i.rule})`;
  if (i.rule === 'none') return 'unknown initiator: nothing on the pull request names the human who started the agent';
  return `unknown initiator: "${i.id}" (rule ${i.rule}) is not tied to a GitHub account`;
}

const short = (sha: string | undefined) => (sha === undefined ? 'PR' : sha.slice(0, 7));

function percent(share: number | undefined): string {
  return share === undefined ? 'unknown' : `${Math.round(share * 1000) / 10}%`;
}

/** Plain text for a terminal. */
export function classificationText(c: Classification, findings: readonly Finding[] = []): string {
  const lines = [
    `${c.pullRequest.repository}#${c.pullRequest.number}: ${c.cohort}${c.agent ? ` (${c.agent})` : ''}`,
    `initiator: ${initiatorText(c.initiator)}`,
  ];
  if (c.aiLineShare) lines.push(`AI line share: ${percent(c.aiLineShare.share)} (${c.aiLineShare.aiLines} AI lines)`);
  for (const m of c.markers)
    lines.push(`  ${m.rule} ${short(m.commit)} ${m.field}: ${m.value}${m.tier === 'mention' ? ' (mention, not counted)' : ''}`);
  if (c.markers.length === 0) lines.push('  no AI marker found');
  for (const f of findings) lines.push(`  ${f.rule} ${f.severity} ${f.location?.path ?? ''}:${f.location?.line ?? 1}: ${f.message}`);
  return `${lines.join('\n')}\n`;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Step summary / check-run text: every marker with its commit and rule. */
export function classificationMarkdown(c: Classification, findings: readonly Finding[] = []): string {
  const out = [
    `### trustgate AI tag: \`${c.cohort}\`${c.agent ? ` (${c.agent})` : ''}`,
    '',
    `Initiator: ${cell(initiatorText(c.initiator))}${c.aiLineShare ? ` · AI line share: ${percent(c.aiLineShare.share)}` : ''}`,
    '',
  ];
  if (c.markers.length > 0) {
    out.push('| commit | rule | tool | field | value |', '|---|---|---|---|---|');
    for (const m of c.markers) out.push(`| ${short(m.commit)} | ${m.rule} | ${cell(m.tool)} | ${m.field} | \`${cell(m.value)}\` |`);
  } else out.push(`No AI marker found on the pull request or its ${c.commits} commit(s).`);
  if (findings.length > 0) {
    out.push('', '#### Hidden text in agent instruction files', '', '| rule | severity | file | message |', '|---|---|---|---|');
    for (const f of findings)
      out.push(`| ${f.rule} | ${f.severity} | ${cell(`${f.location?.path ?? ''}:${f.location?.line ?? 1}`)} | ${cell(f.message)} |`);
  }
  return `${out.join('\n')}\n`;
}
