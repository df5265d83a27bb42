import type { Finding } from '@trustgate/core/base';
import { parse, tokenize } from '@huggingface/jinja';
import { finding } from '../shared/analysis.js';

/** Chat templates are a few KiB; anything past this is not a template a tokenizer should render unreviewed. */
export const MAX_TEMPLATE_CHARS = 1024 * 1024;
const MAX_NODES = 2_000_000;

const SSTI_HELPERS = new Set(['lipsum', 'cycler', 'joiner']);
const DUNDER_TEXT = /__[A-Za-z]\w*__/;

interface Node {
  type: string;
  [key: string]: unknown;
}

function isNode(v: unknown): v is Node {
  return typeof v === 'object' && v !== null && typeof (v as { type?: unknown }).type === 'string';
}

/** Every AST node below `root`, iteratively (a hostile template can nest deeper than the JS stack). */
function* nodes(root: Node): Generator<Node> {
  const stack: unknown[] = [root];
  let seen = 0;
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) stack.push(...v);
    else if (v instanceof Map) for (const [k, val] of v) stack.push(k, val);
    else if (isNode(v)) {
      if (++seen > MAX_NODES) throw new RangeError(`template has more than ${MAX_NODES} syntax nodes`);
      yield v;
      for (const [key, child] of Object.entries(v)) if (key !== 'type') stack.push(child);
    }
  }
}

function literalString(n: unknown): string | undefined {
  return isNode(n) && n.type === 'StringLiteral' && typeof n['value'] === 'string' ? n['value'] : undefined;
}

function identifierName(n: unknown): string | undefined {
  return isNode(n) && n.type === 'Identifier' && typeof n['value'] === 'string' ? n['value'] : undefined;
}

/** The attribute a member expression or `|attr(...)` filter reaches, when it is spelled out. */
function accessedName(n: Node): { name?: string; dynamic: boolean } | undefined {
  if (n.type === 'MemberExpression') {
    const name = n['computed'] === true ? literalString(n['property']) : identifierName(n['property']);
    return name === undefined ? undefined : { name, dynamic: false };
  }
  if (n.type === 'FilterExpression' || n.type === 'FilterStatement') {
    const filter = n['filter'];
    if (!isNode(filter) || filter.type !== 'CallExpression' || identifierName(filter['callee']) !== 'attr') return undefined;
    const args = Array.isArray(filter['args']) ? filter['args'] : [];
    const name = literalString(args[0]);
    return name === undefined ? { dynamic: true } : { name, dynamic: false };
  }
  return undefined;
}

/**
 * What Jinja 3 accepts and @huggingface/jinja does not, rewritten to an equivalent for analysis: `{% raw %}`
 * blocks are literal output (dropped), and an empty tuple `()` is read as an empty list.
 */
function asParsable(text: string): string {
  const noRaw = text.replace(/\{%-?\s*raw\s*-?%\}[\s\S]*?\{%-?\s*endraw\s*-?%\}/g, '');
  return noRaw.replace(/([^\w)\]\s]\s*)\(\s*\)/g, '$1[]');
}

/** Checks one template's syntax tree; `label` says where it came from (`tokenizer.chat_template`, a file name). */
export function analyseTemplate(text: string, path: string, label: string): Finding[] {
  if (text.length > MAX_TEMPLATE_CHARS) {
    return [
      finding(
        'TG-TPL-006',
        'medium',
        path,
        `${label} is ${text.length} characters, above the ${MAX_TEMPLATE_CHARS} cap; review it by hand.`,
      ),
    ];
  }
  let program: Node;
  try {
    program = parse(tokenize(asParsable(text))) as unknown as Node;
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return [finding('TG-TPL-001', 'medium', path, `${label} could not be parsed (${why}); it was not checked, review it by hand.`)];
  }
  const found = new Map<string, Finding>();
  const add = (f: Finding) => found.set(`${f.rule}\u0000${f.evidence ?? ''}`, f);
  for (const n of nodes(program)) {
    const access = accessedName(n);
    if (access?.dynamic)
      add(finding('TG-TPL-005', 'medium', path, `${label} looks up an attribute by a computed name.`, 'attr(<expression>)'));
    if (access?.name?.startsWith('_')) {
      add(
        finding(
          'TG-TPL-002',
          'critical',
          path,
          `${label} accesses the private attribute "${access.name}" (sandbox escape pattern).`,
          access.name,
        ),
      );
    }
    const id = identifierName(n);
    if (id !== undefined && SSTI_HELPERS.has(id))
      add(finding('TG-TPL-003', 'high', path, `${label} uses the Jinja global "${id}", known from SSTI payloads.`, id));
    if (id === 'namespace') add(finding('TG-TPL-004', 'low', path, `${label} uses namespace().`, id));
    const str = literalString(n);
    const dunder = str === undefined ? undefined : DUNDER_TEXT.exec(str)?.[0];
    if (dunder !== undefined)
      add(finding('TG-TPL-002', 'critical', path, `${label} spells out the dunder name "${dunder}" in a string.`, dunder));
  }
  return [...found.values()];
}
