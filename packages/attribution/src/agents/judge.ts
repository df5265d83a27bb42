import { createHash } from 'node:crypto';
import {
  type AgentsPolicy,
  combineVerdict,
  type FileResult,
  type Finding,
  type FindingVerdict,
  type Report,
  severityRank,
  summarise,
} from '@trustgate/core';
import { AttributionError } from '../errors.js';
import { scanInstructionText } from '../hidden-instructions.js';
import { type JudgedServer, judgeServer, judgeSettings } from './mcp/judge.js';
import { readMcpConfig } from './mcp/read.js';
import { type AgentFileKind, agentFileType } from './paths.js';

/** One file of the tree or the change, read by the caller (the engine does no I/O). */
export interface AgentFileInput {
  path: string;
  /** The file's bytes at the commit judged; absent for a removed file. */
  bytes?: Uint8Array;
  /** The change touched it (added, modified, renamed or removed). */
  changed?: boolean;
  removed?: boolean;
  /** The caller could not read it (and says why): a failed analysis, never a pass. */
  unreadable?: string;
}

export interface AgentFileResult extends FileResult {
  kind: AgentFileKind;
  changed: boolean;
  servers?: JudgedServer[];
}

export interface AgentsReport extends Report {
  files: AgentFileResult[];
  /** The architecture review agents.review asks for: required when any agent file changed. */
  review: { required: boolean; files: string[]; rule?: NonNullable<AgentsPolicy['review']> };
}

export const AGENTS_REPORT_TOOL = { name: 'trustgate agents', version: '1' };

const READS_CREDENTIALS =
  /\b(os\.environ|process\.env|getenv|ENV\[)|\$\{?[A-Z_]*(TOKEN|SECRET|KEY|PASSWORD)\b|~\/\.(aws|ssh|config\/gh|netrc)|\.env\b|id_rsa|credentials/;
const REACHES_NETWORK =
  /\b(urlopen|urllib|requests\.(get|post|put)|httpx|fetch\(|axios|https?\.request|curl|wget|Invoke-WebRequest|nc\s+-)|https?:\/\//;

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Hidden text is unsafe here whatever its severity elsewhere; an unreadable config is a failed analysis, never a pass. */
function judged(result: AgentFileResult): AgentFileResult {
  const found = result.findings.filter((f) => f.rule !== 'TG-MCP-008' && f.rule !== 'TG-AGT-004');
  const findingVerdict: FindingVerdict = found.some((f) => f.rule.startsWith('TG-AIH-') || severityRank(f.severity) >= severityRank('high'))
    ? 'unsafe'
    : found.length > 0
      ? 'review'
      : 'safe';
  result.findingVerdict = findingVerdict;
  result.completeness = result.findings.length > found.length ? 'failed' : 'complete';
  result.verdict = combineVerdict(findingVerdict, result.completeness);
  return result;
}

// Review is what agents.review handles (the App's architecture review): only unsafe and unreadable files block.
const FAIL_ON = ['unsafe', 'error'] as const;

function judgeFile(f: AgentFileInput, kind: AgentFileKind, format: string, policy: AgentsPolicy): AgentFileResult {
  const findings: Finding[] = [];
  const result: AgentFileResult = {
    path: f.path,
    format,
    kind,
    verdict: 'safe',
    findingVerdict: 'safe',
    completeness: 'complete',
    findings,
    changed: f.changed === true,
  };
  if (f.changed)
    findings.push({
      rule: 'TG-AGT-001',
      severity: 'info',
      message: `${f.path}: ${f.removed ? 'removed' : 'changed'} ${kind} (${format}); architecture review required${policy.review ? '' : ' (set agents.review to name who approves)'}`,
      location: { path: f.path },
    });
  if (f.unreadable !== undefined) {
    findings.push({
      rule: 'TG-AGT-004',
      severity: 'high',
      message: `${f.path}: could not be read: ${f.unreadable}`,
      location: { path: f.path },
    });
    return judged(result);
  }
  if (f.removed || f.bytes === undefined) return judged(result);
  const digest = sha256(f.bytes);
  result.sha256 = digest;
  result.size = f.bytes.byteLength;
  const pinned = policy.pinned.find((p) => p.path === f.path);
  if (policy.pinned.length > 0 && pinned?.sha256 !== digest)
    findings.push({
      rule: 'TG-AGT-002',
      severity: 'high',
      message: pinned
        ? `${f.path}: sha256 ${digest.slice(0, 12)}… differs from the approved ${pinned.sha256.slice(0, 12)}… pinned in agents.pinned`
        : `${f.path}: not in the approved set agents.pinned; review it and pin its sha256`,
      location: { path: f.path },
      evidence: digest,
    });
  // A binary file (an image shipped with a skill) has no text an agent reads as instructions.
  if (!f.bytes.includes(0)) {
    const text = new TextDecoder().decode(f.bytes);
    findings.push(...scanInstructionText(f.path, text));
    if (format === 'skill-file' && READS_CREDENTIALS.test(text) && REACHES_NETWORK.test(text))
      findings.push({
        rule: 'TG-AGT-003',
        severity: 'high',
        message: `${f.path}: a skill script that reads credentials and reaches the network; read it before any agent runs it`,
        location: { path: f.path },
      });
    if (kind === 'mcp-config') {
      try {
        const config = readMcpConfig(format, f.path, text);
        result.servers = config.servers.map((s) => judgeServer(s, policy.mcp));
        for (const s of result.servers) findings.push(...s.findings);
        findings.push(...judgeSettings(config.settings));
      } catch (err) {
        if (!(err instanceof AttributionError)) throw err;
        findings.push({
          rule: 'TG-MCP-008',
          severity: 'high',
          message: err.message,
          location: { path: f.path, line: Number(/:(\d+):/.exec(err.message)?.[1] ?? 1) },
        });
      }
    }
  }
  return judged(result);
}

/**
 * Inventory and judge the agent files among `files`: MCP configs (servers against agents.mcp), skills and
 * instruction files (hidden text, drift from the pinned set, changes that need review). Pure: the caller reads the
 * files (a checkout, the PR's head through the API). Never runs a server.
 */
export function judgeAgentFiles(files: readonly AgentFileInput[], policy: AgentsPolicy): AgentsReport {
  const manifests = files.filter((f) => /(^|\/)SKILL\.md$/i.test(f.path) && !f.removed).map((f) => f.path);
  const results: AgentFileResult[] = [];
  for (const f of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const type = agentFileType(f.path, manifests);
    if (type) results.push(judgeFile(f, type.kind, type.format, policy));
  }
  const changed = results.filter((r) => r.changed).map((r) => r.path);
  const review: AgentsReport['review'] = { required: changed.length > 0, files: changed };
  if (policy.review) review.rule = policy.review;
  return {
    version: 1,
    tool: AGENTS_REPORT_TOOL,
    files: results,
    summary: summarise(results, FAIL_ON),
    review,
  };
}
