/**
 * Which pickle globals are safe to import. Allowlist first: a global is `safe` only when its exact
 * `module.name` is on the safe list (or in the policy's allowGlobals); known gadgets are `unsafe` with the reason;
 * everything else is `review` (which blocks under the default policy).
 */
import { compatNames } from './compat.js';
import { type Gadget, GADGETS } from './gadgets.js';
import { DEFAULT_SAFE_GLOBALS } from './safe-globals.js';

export { DEFAULT_SAFE_GLOBALS } from './safe-globals.js';

export type GlobalVerdict = 'safe' | 'review' | 'unsafe';

export interface GlobalJudgement {
  verdict: GlobalVerdict;
  reason: string;
}

export interface GlobalsPolicy {
  allow: readonly string[];
  deny: readonly string[];
}

/** Loaders handed bytes from the pickle itself: safe only when those bytes are analysed and safe (nested.ts). */
export const NESTED_LOADERS: ReadonlySet<string> = new Set(['torch.storage._load_from_bytes']);

// A module pattern covers the module and everything below it; `module.name` covers that name and its attributes.
function matches(full: string, pattern: string): boolean {
  if (pattern.endsWith('.*')) return full.startsWith(pattern.slice(0, -1));
  return full === pattern || full.startsWith(`${pattern}.`);
}

/**
 * Every dotted path the unpickler may reach for (module, name): `find_class` walks a dotted name attribute by
 * attribute (protocol 4+), so `pathlib` + `os.system` reaches `os.system` (pathlib.os is the os module), and
 * Python 2 names are mapped (`commands` is `subprocess`, `__builtin__.reduce` is `functools.reduce`).
 */
function reachable(module: string, name: string): string[] {
  const out = new Set(compatNames(module, name));
  const parts = name.split('.');
  for (let i = 0; i < parts.length - 1; i++) out.add(parts.slice(i).join('.'));
  if (parts.length > 1) for (const n of compatNames(module, parts[0] as string)) out.add(`${n}.${parts.slice(1).join('.')}`);
  return [...out];
}

const DUNDER = /^__\w+__$/;
// copyreg's NEWOBJ helpers only call cls.__new__ (the class is judged on its own); dunder names, not gadgets.
const PLAIN_CONSTRUCTORS = new Set(['copyreg.__newobj__', 'copyreg.__newobj_ex__', 'copy_reg.__newobj__']);
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
// Methods reached by an attribute walk that load or run what they are given, whatever class they are on.
const DANGEROUS_ATTRIBUTES = new Set(['from_pretrained', 'load', 'loads', 'system', 'popen', 'tofile', 'dump', 'exec_module']);

function gadgetReason(c: string, full: string, g: Gadget): string {
  const [, why, source] = g;
  const what = c === full ? why : `reaches ${c}: ${why}`;
  return source === undefined ? what : `${what} (${source})`;
}

// Judgements by policy lists (the same arrays for a whole scan) and `module\0name`: a pure function of those, so a
// repeated global (every torch file imports the same few) is judged once. Bounded: a pickle of endless distinct
// names only empties the table.
const judged = new WeakMap<readonly string[], WeakMap<readonly string[], Map<string, GlobalJudgement>>>();
const JUDGED_MAX = 4096;

/** Judge one global as the unpickler would resolve it. Deny always wins over allow. */
export function judgeGlobal(module: string, name: string, policy: GlobalsPolicy): GlobalJudgement {
  let byAllow = judged.get(policy.deny);
  if (!byAllow) {
    byAllow = new WeakMap();
    judged.set(policy.deny, byAllow);
  }
  let table = byAllow.get(policy.allow);
  if (!table) {
    table = new Map();
    byAllow.set(policy.allow, table);
  }
  const key = `${module}\0${name}`;
  let j = table.get(key);
  if (j === undefined) {
    if (table.size >= JUDGED_MAX) table.clear();
    j = Object.freeze(judge(module, name, policy));
    table.set(key, j);
  }
  return j;
}

function judge(module: string, name: string, policy: GlobalsPolicy): GlobalJudgement {
  const full = `${module}.${name}`;
  for (const c of reachable(module, name)) {
    for (const p of policy.deny) if (matches(c, p)) return { verdict: 'unsafe', reason: `denied by policy (${p})` };
    for (const g of GADGETS) if (matches(c, g[0])) return { verdict: 'unsafe', reason: gadgetReason(c, full, g) };
  }
  const parts = name.split('.');
  if (!module.split('.').every((p) => IDENT.test(p)) || !parts.every((p) => IDENT.test(p)))
    return { verdict: 'review', reason: `"${full}" is not a valid dotted Python name; the loader would fail to import it` };
  if (parts.some((p) => DUNDER.test(p)) && !PLAIN_CONSTRUCTORS.has(full))
    return { verdict: 'unsafe', reason: `"${full}" reaches a dunder attribute (interpreter internals)` };
  if (parts.length > 1 && DANGEROUS_ATTRIBUTES.has(parts[parts.length - 1] as string))
    return { verdict: 'unsafe', reason: `"${full}" walks to a method that loads or runs its argument` };
  // The exact string, as torch's weights_only unpickler matches it: `evil` + `torch.Tensor` is not torch.Tensor.
  for (const c of compatNames(module, name)) {
    if (DEFAULT_SAFE_GLOBALS.has(c) || NESTED_LOADERS.has(c)) return { verdict: 'safe', reason: 'on the default safe list' };
    for (const p of policy.allow) if (allowedBy(module, name, c, p)) return { verdict: 'safe', reason: `allowed by policy (${p})` };
  }
  return { verdict: 'review', reason: `${full} is on neither the safe list nor the deny list` };
}

// `pkg.*` admits the classes of pkg's modules by their own names, never an attribute walk from them.
function allowedBy(module: string, name: string, c: string, pattern: string): boolean {
  if (!pattern.endsWith('.*')) return c === pattern;
  const prefix = pattern.slice(0, -2);
  return !name.includes('.') && (module === prefix || module.startsWith(`${prefix}.`));
}
