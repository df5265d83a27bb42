import { cell, ruleCatalog, toSarif } from '@trustgate/core';
import { HIDDEN_INSTRUCTION_RULES } from '../hidden-instructions.js';
import type { AgentsReport } from './judge.js';
import { AGENT_RULES } from './rules.js';

const CATALOG = ruleCatalog(AGENT_RULES, HIDDEN_INSTRUCTION_RULES);

/** SARIF 2.1.0: one result per finding, rules from TG-MCP-*, TG-AGT-* and TG-AIH-*. */
export function agentsSarif(report: AgentsReport): object {
  return toSarif(report, CATALOG);
}

function launchText(s: NonNullable<AgentsReport['files'][number]['servers']>[number]): string {
  const l = s.launch;
  if (l.kind === 'remote') return `remote ${l.host}`;
  if (l.kind === 'oci') return `image ${l.image}${l.digest ? '@' + l.digest.slice(0, 15) + '…' : ''}`;
  if (l.kind === 'command') return `command ${l.command}`;
  return `${l.launcher} ${l.package}${l.version ? `@${l.version}` : ''}`;
}

/**
 * A terminal inventory: every agent file with its verdict, servers and findings. `quiet` keeps only files that are
 * not safe or carry findings; the summary line counts them all.
 */
export function agentsText(report: AgentsReport, { quiet = false }: { quiet?: boolean } = {}): string {
  const lines: string[] = [];
  for (const f of report.files) {
    if (quiet && f.verdict === 'safe' && f.findings.length === 0) continue;
    lines.push(`${f.verdict.padEnd(6)} ${f.kind.padEnd(12)} ${f.format.padEnd(24)} ${f.path}${f.changed ? ' (changed)' : ''}`);
    for (const s of f.servers ?? []) lines.push(`         server ${s.name}: ${launchText(s)}${s.decidedBy ? ` [${s.decidedBy}]` : ''}`);
    for (const x of f.findings) lines.push(`         ${x.rule} ${x.severity}: ${x.message}`);
  }
  if (report.files.length === 0) lines.push('no MCP config, skill or instruction file found');
  const s = report.summary;
  lines.push(
    `${s.files} agent file(s): ${s.safe} safe, ${s.review} review, ${s.unsafe} unsafe, ${s.error} error; verdict ${s.verdict}` +
      (report.review.required ? `; architecture review required for ${report.review.files.length} changed file(s)` : ''),
  );
  return `${lines.join('\n')}\n`;
}

/** Step summary / check-run text. */
export function agentsMarkdown(report: AgentsReport): string {
  const out = [`### trustgate agents: \`${report.summary.verdict}\``, ''];
  if (report.files.length === 0) return `${out.join('\n')}No MCP config, skill or instruction file in the change.\n`;
  out.push('| verdict | kind | format | file | servers |', '|---|---|---|---|---|');
  for (const f of report.files)
    out.push(
      `| ${f.verdict} | ${f.kind} | ${f.format} | \`${cell(f.path)}\` | ${cell((f.servers ?? []).map((s) => `${s.name}: ${launchText(s)}`).join('; '))} |`,
    );
  const findings = report.files.flatMap((f) => f.findings.filter((x) => x.rule !== 'TG-AGT-001'));
  if (findings.length > 0) {
    out.push('', '| rule | severity | where | message |', '|---|---|---|---|');
    for (const x of findings)
      out.push(`| ${x.rule} | ${x.severity} | ${cell(`${x.location?.path ?? ''}:${x.location?.line ?? 1}`)} | ${cell(x.message)} |`);
  }
  if (report.review.required) {
    const who = report.review.rule
      ? [...report.review.rule.teams.map((t) => `@${t}`), ...report.review.rule.users.map((u) => `@${u}`)].join(', ')
      : '';
    out.push('', `Architecture review required for ${report.review.files.length} changed agent file(s)${who ? ` by ${who}` : ''}.`);
  }
  return `${out.join('\n')}\n`;
}
