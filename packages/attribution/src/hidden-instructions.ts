import type { Finding, RuleDescriptor } from '@trustgate/core';
import { agentFileType } from './agents/paths.js';

/** Rules of the "rules file backdoor" class: text an agent reads but a reviewer does not see. */
export const HIDDEN_INSTRUCTION_RULES: readonly RuleDescriptor[] = [
  {
    id: 'TG-AIH-001',
    name: 'InvisibleCharacterInAgentInstructions',
    summary: 'Zero-width or other invisible characters in an agent instruction file.',
    severity: 'high',
    help: 'Remove the invisible characters (view the file with `cat -A` or an editor that shows them) and review what they hid.',
  },
  {
    id: 'TG-AIH-002',
    name: 'BidiControlInAgentInstructions',
    summary: 'Bidirectional control characters that reorder how the instruction text displays.',
    severity: 'high',
    help: 'Remove the bidi controls; the text a reviewer sees may differ from what the agent reads.',
  },
  {
    id: 'TG-AIH-003',
    name: 'SmuggledTagCharacters',
    summary: 'Unicode tag characters (U+E0000 block) spelling hidden ASCII text.',
    severity: 'critical',
    help: 'Remove the tag characters; the decoded text in the evidence is what the agent would read.',
  },
  {
    id: 'TG-AIH-004',
    name: 'HiddenInstructionLikeText',
    summary: 'Instruction-like text inside an HTML comment or other markup hidden from rendered views.',
    severity: 'medium',
    help: 'Move instructions into visible text or delete them; reviewers of the rendered file cannot see comments.',
  },
];

/** Files agents read: the agents inventory (MCP configs, skills, instruction files) is the one list of them. */
export function isAgentInstructionFile(path: string): boolean {
  return agentFileType(path) !== undefined;
}

// Emoji legitimately use one variation selector (U+FE0F) and ZWJ between pictographs; runs of selectors encode data.
const INVISIBLE =
  /[\u00AD\u180E\u200B\u200C\u2060-\u2064\uFEFF\u115F\u1160\u3164\uFFA0]|\u034F|(?<!\p{Extended_Pictographic})\u200D|[\uFE00-\uFE0F]{2,}|[\u{E0100}-\u{E01EF}]/u;
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const TAGS = /[\u{E0000}-\u{E007F}]+/gu;
const HIDDEN_BLOCKS = /<!--([\s\S]*?)-->|<(?:div|span|p)\b[^>]*(?:display\s*:\s*none|hidden)[^>]*>([\s\S]*?)<\/(?:div|span|p)>/gi;
const INSTRUCTION_LIKE =
  /\b(ignore|disregard|forget)\b.{0,40}\b(previous|prior|above|earlier|all)\b.{0,20}\b(instructions?|rules|prompts?)\b|\b(do not|don't|never)\b.{0,30}\b(tell|mention|reveal|inform|show)\b.{0,30}\b(user|developer|human|reviewer)s?\b|\b(curl|wget|invoke-webrequest)\b.{0,80}(\||\bsh\b|\bbash\b)|\b(exfiltrat\w*|send|post|upload)\b.{0,40}\b(secrets?|tokens?|credentials?|api[_ -]?keys?|env(ironment)? variables?|\.env)\b|<script\b|\beval\(/i;

function lineAndColumn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lastBreak = -1;
  for (let i = 0; i < index; i++)
    if (text.charCodeAt(i) === 10) {
      line++;
      lastBreak = i;
    }
  return { line, column: index - lastBreak };
}

function codepoint(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

function firstMatch(path: string, text: string, re: RegExp, rule: string, severity: Finding['severity'], what: string): Finding[] {
  const count = [...text.matchAll(new RegExp(re.source, 'gu'))].length;
  const m = re.exec(text);
  if (!m) return [];
  return [
    {
      rule,
      severity,
      message: `${path}: ${count} ${what} (first ${codepoint(m[0])}); an agent reads what a reviewer cannot see`,
      location: { path, ...lineAndColumn(text, m.index) },
      evidence: codepoint(m[0]),
    },
  ];
}

/** Scan one agent instruction file's text for hidden or reordered content. Pure: the caller reads the file. */
export function scanInstructionText(path: string, text: string): Finding[] {
  const findings: Finding[] = [];
  for (const m of text.matchAll(TAGS)) {
    const decoded = [...m[0]].map((ch) => String.fromCharCode((ch.codePointAt(0) ?? 0) - 0xe0000)).join('');
    findings.push({
      rule: 'TG-AIH-003',
      severity: 'critical',
      message: `${path}: ${[...m[0]].length} Unicode tag characters spell hidden text`,
      location: { path, ...lineAndColumn(text, m.index ?? 0) },
      evidence: decoded.replace(/[^\x20-\x7e]/g, '?').slice(0, 200),
    });
  }
  findings.push(...firstMatch(path, text, INVISIBLE, 'TG-AIH-001', 'high', 'invisible character(s)'));
  findings.push(...firstMatch(path, text, BIDI, 'TG-AIH-002', 'high', 'bidirectional control character(s)'));
  // JSON configs (MCP servers, agent settings) have no hidden markup: instruction-like text anywhere is suspect.
  const hiddenParts = path.toLowerCase().endsWith('.json')
    ? [{ hidden: text, index: INSTRUCTION_LIKE.exec(text)?.index ?? 0 }]
    : [...text.matchAll(HIDDEN_BLOCKS)].map((m) => ({ hidden: m[1] ?? m[2] ?? '', index: m.index ?? 0 }));
  for (const { hidden, index } of hiddenParts) {
    const instr = INSTRUCTION_LIKE.exec(hidden);
    if (!instr) continue;
    findings.push({
      rule: 'TG-AIH-004',
      severity: 'medium',
      message: `${path}: hidden or config text contains instruction-like text ("${instr[0].slice(0, 60)}")`,
      location: { path, ...lineAndColumn(text, index) },
      evidence: (path.toLowerCase().endsWith('.json') ? instr[0] : hidden.trim()).slice(0, 200),
    });
  }
  return findings;
}

/** Scan the agent instruction files among a PR's changed files; other paths are ignored. */
export function scanHiddenInstructions(files: ReadonlyArray<{ path: string; text: string }>): Finding[] {
  return files.filter((f) => isAgentInstructionFile(f.path)).flatMap((f) => scanInstructionText(f.path, f.text));
}
