import { AttributionError } from '../errors.js';
import type { FileAiLines } from './share.js';

/** One git-ai authorship log (Git AI Standard v3.0.0, a note under `refs/notes/ai`). */
export interface GitAiAuthorshipLog {
  schemaVersion: string;
  baseCommitSha: string;
  files: FileAiLines[];
  /** Session hash -> the agent that wrote those lines. */
  prompts: Record<string, { tool: string; model?: string; humanAuthor?: string }>;
}

const ENTRY = /^ {2}([0-9a-f]{7,16}) (\d+(?:-\d+)?(?:,\d+(?:-\d+)?)*)$/;
const MAX_LINE = 10_000_000;

function fail(file: string, line: number, what: string): never {
  throw new AttributionError('LINE_LOG_INVALID', `${file}:${line}: ${what}; expected a git-ai authorship log (authorship/3.x)`, { file });
}

function parseRanges(spec: string, file: string, line: number): Array<[number, number]> {
  return spec.split(',').map((part) => {
    const [a, b] = part.split('-');
    const start = Number(a);
    const end = b === undefined ? start : Number(b);
    if (!(start >= 1 && end >= start && end <= MAX_LINE)) fail(file, line, `line range "${part}" is not ascending positive line numbers`);
    return [start, end] as [number, number];
  });
}

/** Parse a git-ai note: attestation section, a `---` line, then the JSON metadata with schema_version authorship/3.x. */
export function parseGitAiNote(text: string, file = 'git-ai note'): GitAiAuthorshipLog {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const divider = lines.indexOf('---');
  if (divider < 0) fail(file, 1, 'no "---" divider between attestations and metadata');
  const files: FileAiLines[] = [];
  const hashes: Array<{ hash: string; line: number }> = [];
  for (let i = 0; i < divider; i++) {
    const raw = lines[i] ?? '';
    if (raw === '') continue;
    if (!raw.startsWith(' ')) {
      const quoted = /^"(.*)"$/.exec(raw);
      files.push({ path: quoted ? (quoted[1] ?? '') : raw, ranges: [] });
      continue;
    }
    const m = ENTRY.exec(raw);
    const current = files.at(-1);
    if (!m || current === undefined)
      fail(file, i + 1, 'attestation entry must be two spaces, a session hash and line ranges, under a file path');
    hashes.push({ hash: m[1] ?? '', line: i + 1 });
    current.ranges.push(...parseRanges(m[2] ?? '', file, i + 1));
  }
  let meta: unknown;
  try {
    meta = JSON.parse(lines.slice(divider + 1).join('\n'));
  } catch (cause) {
    throw new AttributionError(
      'LINE_LOG_INVALID',
      `${file}:${divider + 2}: metadata after "---" is not JSON (${(cause as Error).message})`,
      { file, cause },
    );
  }
  const m = meta as { schema_version?: unknown; base_commit_sha?: unknown; prompts?: unknown } | null;
  if (typeof m !== 'object' || m === null || typeof m.schema_version !== 'string' || !/^authorship\/3\.\d+\.\d+$/.test(m.schema_version))
    fail(file, divider + 2, `schema_version is ${JSON.stringify(m?.schema_version)}, not authorship/3.x`);
  if (typeof m.prompts !== 'object' || m.prompts === null) fail(file, divider + 2, 'metadata has no prompts object');
  const prompts: GitAiAuthorshipLog['prompts'] = {};
  for (const [hash, record] of Object.entries(m.prompts as Record<string, unknown>)) {
    const r = record as { agent_id?: { tool?: unknown; model?: unknown }; human_author?: unknown } | null;
    const tool = r?.agent_id?.tool;
    if (typeof tool !== 'string') fail(file, divider + 2, `prompt ${hash} has no agent_id.tool`);
    const entry: GitAiAuthorshipLog['prompts'][string] = { tool };
    if (typeof r?.agent_id?.model === 'string') entry.model = r.agent_id.model;
    if (typeof r?.human_author === 'string') entry.humanAuthor = r.human_author;
    prompts[hash] = entry;
  }
  for (const { hash, line } of hashes)
    if (!(hash in prompts)) fail(file, line, `session hash ${hash} has no prompt record in the metadata`);
  return {
    schemaVersion: m.schema_version,
    baseCommitSha: typeof m.base_commit_sha === 'string' ? m.base_commit_sha : '',
    files: files.filter((f) => f.ranges.length > 0),
    prompts,
  };
}
