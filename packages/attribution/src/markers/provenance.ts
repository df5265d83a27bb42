import type { AgentTraceRecord } from '../line-share/agent-trace.js';
import type { GitAiAuthorshipLog } from '../line-share/git-ai.js';

/**
 * A record the repository keeps about who wrote its lines: a git-ai authorship note on a commit, or an Agent Trace
 * record. Each names the agent (and model); classification turns it into a marker like any other.
 */
export interface ProvenanceFact {
  source: 'git-ai-note' | 'agent-trace';
  /** The agent as the record names it (`agent_id.tool`, `tool.name`, else the model id). */
  tool: string;
  model?: string;
  /** The commit the record is about, when it says. */
  commit?: string;
  /** git-ai's `human_author` (`Name <email>`): who drove the agent. */
  humanAuthor?: string;
  /** Where it was read, for the report. */
  file?: string;
}

/** One fact per distinct agent/model of a git-ai note on `commit`. */
export function provenanceFromGitAi(log: GitAiAuthorshipLog, commit?: string, file?: string): ProvenanceFact[] {
  const seen = new Set<string>();
  const out: ProvenanceFact[] = [];
  for (const p of Object.values(log.prompts)) {
    const key = `${p.tool}\n${p.model ?? ''}\n${p.humanAuthor ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const fact: ProvenanceFact = { source: 'git-ai-note', tool: p.tool };
    if (p.model) fact.model = p.model;
    if (p.humanAuthor) fact.humanAuthor = p.humanAuthor;
    if (commit) fact.commit = commit;
    if (file) fact.file = file;
    out.push(fact);
  }
  return out;
}

/** One fact per Agent Trace record that attributes lines to AI. */
export function provenanceFromAgentTrace(records: readonly AgentTraceRecord[], file?: string): ProvenanceFact[] {
  return records
    .filter((r) => r.files.length > 0)
    .map((r) => {
      const fact: ProvenanceFact = { source: 'agent-trace', tool: r.tool ?? r.models[0] ?? 'unknown' };
      if (r.models[0]) fact.model = r.models[0];
      if (r.revision) fact.commit = r.revision;
      if (file) fact.file = file;
      return fact;
    });
}

// Where tools keep Agent Trace records in a repository (agent-trace.dev leaves storage to the implementation).
const AGENT_TRACE_PATHS: readonly RegExp[] = [
  /(^|\/)\.agent-trace\/.+\.jsonl?$/i,
  /(^|\/)agent-trace\.jsonl?$/i,
  /(^|\/)\.vtcode\/traces\/.+\.jsonl?$/i,
  /(^|\/)\.routa\/traces\/.+\.jsonl?$/i,
];

export function isAgentTraceFile(path: string): boolean {
  return AGENT_TRACE_PATHS.some((re) => re.test(path));
}
