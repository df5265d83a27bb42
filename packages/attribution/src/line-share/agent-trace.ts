import { AttributionError } from '../errors.js';
import type { FileAiLines } from './share.js';

/** One Agent Trace record (https://agent-trace.dev, v0.x): files -> conversations -> line ranges, each with a contributor. */
export interface AgentTraceRecord {
  version: string;
  revision?: string;
  files: FileAiLines[];
  /** `tool.name` of the record: the agent that wrote the AI ranges. */
  tool?: string;
  /** `model_id`s of the AI contributors, in order of appearance. */
  models: string[];
}

type Contributor = { type?: unknown; model_id?: unknown } | undefined;

function fail(file: string, what: string): never {
  throw new AttributionError('LINE_LOG_INVALID', `${file}: ${what}; expected an Agent Trace record (JSON, or JSON Lines of records)`, {
    file,
  });
}

const isAi = (c: Contributor): boolean => typeof c?.type === 'string' && c.type.toLowerCase() === 'ai';

function parseRecord(value: unknown, file: string): AgentTraceRecord {
  const v = value as { version?: unknown; vcs?: { revision?: unknown }; files?: unknown; tool?: { name?: unknown } } | null;
  if (typeof v !== 'object' || v === null || typeof v.version !== 'string') fail(file, 'record has no version string');
  if (!Array.isArray(v.files)) fail(file, 'record has no files array');
  const files: FileAiLines[] = [];
  const models = new Set<string>();
  const noteModel = (c: Contributor) => {
    if (isAi(c) && typeof c?.model_id === 'string' && c.model_id !== '') models.add(c.model_id);
  };
  for (const f of v.files as unknown[]) {
    const entry = f as { path?: unknown; conversations?: unknown } | null;
    if (typeof entry?.path !== 'string' || !Array.isArray(entry.conversations))
      fail(file, 'every file needs a path and a conversations array');
    const ranges: Array<[number, number]> = [];
    for (const conv of entry.conversations as unknown[]) {
      const c = conv as { contributor?: Contributor; ranges?: unknown } | null;
      if (!Array.isArray(c?.ranges)) fail(file, `a conversation of ${entry.path} has no ranges array`);
      for (const r of c.ranges as unknown[]) {
        const range = r as { start_line?: unknown; end_line?: unknown; contributor?: Contributor } | null;
        const s = range?.start_line;
        const e = range?.end_line;
        if (!Number.isInteger(s) || !Number.isInteger(e) || (s as number) < 1 || (e as number) < (s as number))
          fail(file, `a range of ${entry.path} lacks ascending positive start_line/end_line`);
        // A range may override its conversation's contributor (spec: "for complex handoffs").
        const who = range?.contributor ?? c?.contributor;
        noteModel(who);
        if (isAi(who)) ranges.push([s as number, e as number]);
      }
    }
    if (ranges.length > 0) files.push({ path: entry.path, ranges });
  }
  const out: AgentTraceRecord = { version: v.version, files, models: [...models] };
  if (typeof v.vcs?.revision === 'string') out.revision = v.vcs.revision;
  if (typeof v.tool?.name === 'string' && v.tool.name !== '') out.tool = v.tool.name;
  return out;
}

/** Parse Agent Trace JSON: one record, an array of records, or JSON Lines (`.agent-trace/traces.jsonl`). */
export function parseAgentTrace(text: string, file = 'agent trace'): AgentTraceRecord[] {
  const trimmed = text.trim();
  if (trimmed === '') fail(file, 'file is empty');
  try {
    const whole = JSON.parse(trimmed) as unknown;
    return Array.isArray(whole) ? whole.map((r) => parseRecord(r, file)) : [parseRecord(whole, file)];
  } catch (err) {
    if (err instanceof AttributionError) throw err;
  }
  return trimmed.split('\n').flatMap((line, i) => {
    if (line.trim() === '') return [];
    try {
      return [parseRecord(JSON.parse(line), `${file}:${i + 1}`)];
    } catch (cause) {
      if (cause instanceof AttributionError) throw cause;
      throw new AttributionError('LINE_LOG_INVALID', `${file}:${i + 1}: not JSON (${(cause as Error).message})`, { file, cause });
    }
  });
}
