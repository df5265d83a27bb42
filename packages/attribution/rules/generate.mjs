// Regenerates src/markers/builtin-rules.ts from rules/markers.json and rules/tool-mentions.json, so the rules ship
// inside the bundles (ncc and tsc do not copy a JSON file from outside src/). A test fails when the two drift apart.
// `--json` prints the built rules file instead (the drift test compares it with the committed module).
import { readFileSync, writeFileSync } from 'node:fs';

const here = new URL('.', import.meta.url);
const read = (name) => JSON.parse(readFileSync(new URL(name, here), 'utf8'));

const escapeRegex = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One alternation over every tool name: longest first so "Claude Code" wins over "Claude"; spaces and dashes loose. */
function mentionPattern(tools) {
  const names = [...new Set(tools)].sort((a, b) => b.length - a.length || a.localeCompare(b));
  const alt = names.map((n) => escapeRegex(n).replace(/\\-|-| /g, '[\\s_-]')).join('|');
  return `(?<![\\p{L}\\p{N}_])(?<agent>${alt})(?=$|[\\s.,!?;:)\\]"'])`;
}

export function build() {
  const file = read('markers.json');
  const mentions = read('tool-mentions.json');
  const pattern = mentionPattern(mentions.tools);
  const fields = [
    ['TG-AIM-001', 'pr-body'],
    ['TG-AIM-002', 'pr-title'],
    ['TG-AIM-003', 'message'],
  ];
  const rules = fields.map(([id, on]) => ({
    id,
    tool: 'AI tool mentioned',
    agent: 'from-match',
    tier: 'mention',
    on,
    pattern,
    evidence: 'inferred',
    source: mentions.source,
  }));
  return { version: file.version, aliases: file.aliases ?? {}, rules: [...file.rules, ...rules] };
}

export function generated() {
  return `// Generated from rules/markers.json and rules/tool-mentions.json by rules/generate.mjs; edit those and rerun \`node packages/attribution/rules/generate.mjs\`.
import type { MarkerRulesFile } from './rules.js';

export const BUILTIN_RULES_FILE: MarkerRulesFile = ${JSON.stringify(build(), null, 2)};
`;
}

/** The rule table of docs/attribution.md. */
export function markdown() {
  const cell = (s) => String(s).replace(/\|/g, '\\|');
  const rows = build().rules.map(
    (r) =>
      `| ${r.id} | ${cell(r.tool)} | ${r.tier} | ${r.on}${r.trailer ? ` \`${r.trailer}\`` : ''} | ${r.id.startsWith('TG-AIM') ? '(tool names, see rules/tool-mentions.json)' : `\`${cell(r.pattern)}\``} | ${r.evidence} | ${cell(r.source)} |`,
  );
  return ['| id | tool | tier | field | pattern | evidence | source |', '|---|---|---|---|---|---|---|', ...rows].join('\n');
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  if (process.argv.includes('--json')) process.stdout.write(JSON.stringify(build()));
  else if (process.argv.includes('--markdown')) process.stdout.write(`${markdown()}\n`);
  else {
    writeFileSync(new URL('../src/markers/builtin-rules.ts', here), generated());
    const n = build().rules.length;
    console.log(`wrote src/markers/builtin-rules.ts (${n} rules)`);
  }
}
