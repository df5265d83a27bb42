import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Fenced code blocks of the user-facing Markdown (README.md and docs/*.md), so tests can run what a user would copy.
 *
 * Marker convention: a block that is not meant to run as written (placeholders, an excerpt) says so in its info
 * string, after the language: ```` ```yaml illustrative ````. GitHub highlights by the first word only, so the marker
 * is invisible to readers. Keep such blocks rare; every other block of a runnable kind must run in a test.
 */
export interface MarkdownSnippet {
  /** Repository-relative path with `/` separators, e.g. `docs/verify.md`. */
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** First word of the info string, lower-cased; '' for a bare fence. */
  lang: string;
  /** Words after the language in the info string, e.g. ['illustrative']. */
  flags: string[];
  /** The block's content, fence lines excluded, the fence's indentation removed. */
  text: string;
}

export const ILLUSTRATIVE = 'illustrative';

/** `file:line`, for test names and failure messages. */
export function where(s: MarkdownSnippet): string {
  return `${s.file}:${s.line}`;
}

export function isIllustrative(s: MarkdownSnippet): boolean {
  return s.flags.includes(ILLUSTRATIVE);
}

const OPEN = /^(\s*)(`{3,}|~{3,})\s*([^`]*)$/;

/** CommonMark fences (``` or ~~~, closed by the same character at least as long), including indented ones in lists. */
export function snippetsOf(markdown: string, file: string): MarkdownSnippet[] {
  const lines = markdown.split(/\r?\n/);
  const out: MarkdownSnippet[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = OPEN.exec(lines[i] as string);
    if (!open) continue;
    const [, indent = '', fence = '', info = ''] = open;
    const close = new RegExp(`^\\s*${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !close.test(lines[j] as string); j++) {
      const l = lines[j] as string;
      body.push(l.startsWith(indent) ? l.slice(indent.length) : l.trimStart());
    }
    const [lang = '', ...flags] = info.trim().split(/\s+/).filter(Boolean);
    out.push({ file, line: i + 1, lang: lang.toLowerCase(), flags, text: body.length ? `${body.join('\n')}\n` : '' });
    i = j;
  }
  return out;
}

/** The Markdown a user reads: README.md and docs/*.md (sorted, so test names are stable). */
export function userDocs(root: string): string[] {
  const docs = readdirSync(path.join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`);
  return ['README.md', ...docs];
}

export function repoSnippets(root: string): MarkdownSnippet[] {
  return userDocs(root).flatMap((file) => snippetsOf(readFileSync(path.join(root, file), 'utf8'), file));
}

/**
 * Who runs a block: `shell` (commands, run by the snippet test), `config` (a .github/trustgate.yml, loaded by the real
 * loader), `workflow` (a GitHub Actions workflow or steps with `uses:`, run by the local Actions runner), `other`
 * (output samples, TypeScript API sketches, JSON shapes: not run).
 */
export type SnippetKind = 'shell' | 'config' | 'workflow' | 'other';

export function snippetKind(s: MarkdownSnippet): SnippetKind {
  if (s.lang === 'sh' || s.lang === 'bash' || s.lang === 'shell' || s.lang === 'console') return 'shell';
  if (s.lang !== 'yaml' && s.lang !== 'yml') return 'other';
  if (/^(jobs|steps):/m.test(s.text) || /^\s*(-\s+)?uses:\s/m.test(s.text)) return 'workflow';
  return 'config';
}
