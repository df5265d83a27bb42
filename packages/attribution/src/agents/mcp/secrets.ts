import type { McpServer } from './server.js';

/** A credential written into the config itself (it ships with the repository and every fork). */
export interface InlineSecret {
  where: string;
  /** The first characters only: the evidence must not leak the secret again. */
  masked: string;
}

// Token formats vendors document or scanners (gitleaks, GitHub secret scanning) recognise.
const TOKEN =
  /\b(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,}|sk-(?:ant-|proj-)?[A-Za-z0-9_-]{20,}|xox[abprs]-[A-Za-z0-9-]{10,}|AKIA[0-9A-Z]{16}|glpat-[A-Za-z0-9_-]{20,}|AIza[0-9A-Za-z_-]{35}|eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]+)|-----BEGIN [A-Z ]*PRIVATE KEY-----/;
const SECRET_NAME = /(token|secret|passw(or)?d|api[_-]?key|private[_-]?key|credential|auth|bearer|access[_-]?key)/i;
// References resolved at run time (VS Code inputs, env expansion, OpenCode {env:X}, templating) are how secrets should be passed.
const REFERENCE = /\$\{[^}]+\}|\$[A-Z_][A-Z0-9_]*|\{\{[^}]+\}\}|\{(env|file):[^}]+\}|^env:|^\s*$/;
const PLACEHOLDER = /^(<[^>]*>|your[_-]?.*|x{3,}|\*+|changeme|change[_-]?me|placeholder|todo|\.\.\.|none|null|true|false|\d{1,6})$/i;

const mask = (v: string) => `${v.slice(0, 4)}…(${v.length} chars)`;

function literalSecret(name: string, value: string): boolean {
  const v = value.replace(/^Bearer\s+/i, '').trim();
  if (TOKEN.test(v)) return true;
  if (REFERENCE.test(v) || PLACEHOLDER.test(v)) return false;
  return SECRET_NAME.test(name) && v.length >= 8;
}

/** Literal credentials in a server's env, headers, arguments or URL. */
export function inlineSecrets(s: McpServer): InlineSecret[] {
  const out: InlineSecret[] = [];
  for (const [k, v] of Object.entries(s.env)) if (literalSecret(k, v)) out.push({ where: `env ${k}`, masked: mask(v) });
  for (const [k, v] of Object.entries(s.headers)) if (literalSecret(k, v)) out.push({ where: `header ${k}`, masked: mask(v) });
  s.args.forEach((a, i) => {
    const flag = /^--?([A-Za-z0-9_-]+)=(.+)$/.exec(a);
    const prev = s.args[i - 1] ?? '';
    if (TOKEN.test(a)) out.push({ where: `argument ${i + 1}`, masked: mask(a) });
    else if (flag?.[1] && flag[2] && literalSecret(flag[1], flag[2])) out.push({ where: `argument --${flag[1]}`, masked: mask(flag[2]) });
    else if (/^--?[A-Za-z0-9_-]+$/.test(prev) && SECRET_NAME.test(prev) && literalSecret(prev, a))
      out.push({ where: `argument ${prev}`, masked: mask(a) });
  });
  if (s.url) {
    try {
      const u = new URL(s.url);
      if (u.password) out.push({ where: 'URL credentials', masked: mask(u.password) });
      for (const [k, v] of u.searchParams) if (literalSecret(k, v)) out.push({ where: `URL parameter ${k}`, masked: mask(v) });
    } catch {
      // An unparsable URL is reported by the remote-server rule.
    }
  }
  return out;
}
