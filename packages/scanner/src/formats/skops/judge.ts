import type { Finding, ScanPolicy } from '@trustgate/core/base';
import { BREADTH_RULES as R } from '../../rules-breadth.js';
import { finding } from '../../rules.js';
import { isRecord } from '../shared/bytes.js';
import { judgeDotted } from '../dotted-target.js';
import { SKOPS_SCHEMA } from '../zip-archive.js';

// skops' own default trusted types (skops/io/_trusted_types.py): primitives and containers, NumPy, SciPy sparse,
// scikit-learn estimators. Gadgets (numpy.load, builtins.eval, ...) are judged first and never trusted.
const TRUSTED = [
  'numpy.',
  'scipy.sparse.',
  'sklearn.',
  ...['int', 'float', 'str', 'bool', 'bytes', 'complex', 'NoneType', 'dict', 'list', 'tuple', 'set', 'slice', 'type'].map(
    (t) => `builtins.${t}`,
  ),
];
const MAX_NODES = 1_000_000;

interface Ref {
  type: string;
  loader: string;
  where: string;
}

/** Every type and function a skops schema asks the loader to import, with where it sits. */
function refs(node: unknown, where: string, out: Ref[]): void {
  if (out.length > MAX_NODES) throw new Error('schema has too many nodes');
  if (Array.isArray(node)) {
    for (const [i, v] of node.entries()) refs(v, `${where}[${i}]`, out);
    return;
  }
  if (!isRecord(node)) return;
  const loader = typeof node.__loader__ === 'string' ? node.__loader__ : '';
  if (typeof node.__module__ === 'string' && typeof node.__class__ === 'string')
    out.push({ type: `${node.__module__}.${node.__class__}`, loader, where });
  const c = node.content;
  if (loader === 'FunctionNode' && isRecord(c) && typeof c.module_path === 'string' && typeof c.function === 'string')
    out.push({ type: `${c.module_path}.${c.function}`, loader, where });
  if (loader === 'TypeNode' && isRecord(c) && typeof c.__module__ === 'string' && typeof c.__class__ === 'string')
    out.push({ type: `${c.__module__}.${c.__class__}`, loader, where });
  // MethodNode binds obj.<func>: a private or dunder name reaches interpreter internals (CVE-2025-54413).
  if (loader === 'MethodNode' && isRecord(c) && typeof c.func === 'string' && c.func.startsWith('_'))
    out.push({ type: `builtins.${c.func}`, loader, where });
  for (const [k, v] of Object.entries(node)) if (k !== '__module__' && k !== '__class__') refs(v, `${where}.${k}`, out);
}

/** A skops archive's schema.json: its type list judged against skops' trusted types and the pickle gadget list. */
export function judgeSkops(archive: string, members: ReadonlyMap<string, Uint8Array>, policy: ScanPolicy): Finding[] {
  const at = { path: `${archive}!/${SKOPS_SCHEMA}` };
  const found: Ref[] = [];
  try {
    const raw = members.get(SKOPS_SCHEMA);
    if (!raw) throw new Error('no schema.json');
    refs(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw)), '$', found);
  } catch (e) {
    return [finding(R.skopsSchema, `schema.json could not be read (${(e as Error).message}); the types it loads are unknown`, at)];
  }
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const r of found) {
    if (seen.has(r.type)) continue;
    seen.add(r.type);
    const dunder = r.loader === 'MethodNode';
    const j = dunder ? { verdict: 'unsafe', reason: 'binds a private method' } : judgeDotted(r.type, policy, TRUSTED);
    const msg = `${r.where} (${r.loader || 'node'}) loads ${r.type}: ${j.reason}`;
    if (j.verdict === 'unsafe') out.push(finding(R.skopsDangerous, msg, at, r.type));
    else if (j.verdict === 'review') out.push(finding(R.skopsUntrusted, msg, at, r.type));
  }
  return out;
}
