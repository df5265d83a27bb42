import type { Finding, ScanPolicy } from '@trustgate/core/base';
import { finding, uniqueBy } from '../shared/analysis.js';
import { isRecord } from '../shared/bytes.js';
import { bytecodeNames, decodeBase64 } from './bytecode.js';

/** Modules whose classes Keras deserialises as layers, models, optimisers and friends. */
const ALLOWED_MODULE_PREFIXES = [
  'layers',
  'models',
  'optimizers',
  'losses',
  'metrics',
  'initializers',
  'regularizers',
  'constraints',
  'activations',
  'dtype_policies',
  'engine',
  'ops',
  'random',
].flatMap((m) => [`keras.${m}`, `keras.src.${m}`]);

/** Names from the safe_mode bypass family (CVE-2025-1550, CVE-2025-8747, CVE-2025-9906 and relatives). */
const DANGEROUS_NAMES = new Set([
  'enable_unsafe_deserialization',
  'get_file',
  'TorchModuleWrapper',
  'load_model',
  'exec',
  'eval',
  'system',
  'popen',
]);

function moduleAllowed(module: string, extra: readonly string[]): boolean {
  if (module === 'keras') return true;
  const matches = (p: string) => module === p || module.startsWith(`${p}.`);
  if (ALLOWED_MODULE_PREFIXES.some(matches)) return true;
  return extra.some((e) => (e.endsWith('.*') ? matches(e.slice(0, -2)) : module === e));
}

/** The Lambda's code, whichever way it was saved: Keras 3 `{class_name: "__lambda__", config: {code}}` or Keras 2 `[code, defaults, closure]`. */
function lambdaCode(layer: Record<string, unknown>): string | undefined {
  const config = isRecord(layer['config']) ? layer['config'] : {};
  const fn = config['function'];
  if (Array.isArray(fn) && typeof fn[0] === 'string') return fn[0];
  if (typeof fn === 'string') return fn;
  if (isRecord(fn) && isRecord(fn['config']) && typeof fn['config']['code'] === 'string') return fn['config']['code'];
  if (typeof config['code'] === 'string') return config['code'];
  return undefined;
}

function lambdaFinding(node: Record<string, unknown>, path: string, where: string): Finding {
  const code = lambdaCode(node);
  const bytes = code === undefined ? undefined : decodeBase64(code);
  const names = bytes === undefined ? [] : bytecodeNames(bytes);
  const name = isRecord(node['config']) && typeof node['config']['name'] === 'string' ? ` "${node['config']['name']}"` : '';
  const read = names.length > 0 ? `; its bytecode references ${names.join(', ')}` : '';
  return finding(
    'TG-KRS-001',
    'critical',
    path,
    `Lambda layer${name} at ${where} runs Python code on load${read}.`,
    names.join(', ') || undefined,
  );
}

/** Walks a Keras config tree (model_config, training_config, config.json) and reports every dangerous reference. */
export function checkConfig(tree: unknown, path: string, policy: ScanPolicy | undefined, root = '$'): Finding[] {
  const findings: Finding[] = [];
  const allowModules = policy?.keras?.allowModules ?? [];
  const allowRegistered = new Set(policy?.keras?.allowRegisteredNames ?? []);
  const stack: { value: unknown; where: string; inLambda: boolean }[] = [{ value: tree, where: root, inLambda: false }];
  let visited = 0;
  while (stack.length > 0) {
    const { value, where, inLambda } = stack.pop()!;
    if (++visited > 5_000_000) throw new RangeError('Keras config has more than 5,000,000 values');
    if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) stack.push({ value: v, where: `${where}[${i}]`, inLambda });
      continue;
    }
    if (!isRecord(value)) continue;
    const className = typeof value['class_name'] === 'string' ? value['class_name'] : undefined;
    const isLambda = className === 'Lambda' || (className === '__lambda__' && !inLambda);
    if (isLambda) findings.push(lambdaFinding(className === 'Lambda' ? value : { config: { function: value } }, path, where));
    const module = value['module'];
    if (typeof module === 'string' && className !== undefined && !moduleAllowed(module, allowModules)) {
      findings.push(
        finding(
          'TG-KRS-002',
          'high',
          path,
          `${where} loads ${module}.${className}, a module outside the Keras allowlist.`,
          `${module}.${className}`,
        ),
      );
    }
    const registered = typeof value['registered_name'] === 'string' ? value['registered_name'] : undefined;
    for (const name of [className, registered]) {
      if (name !== undefined && DANGEROUS_NAMES.has(name.split('>').pop()!)) {
        findings.push(finding('TG-KRS-003', 'critical', path, `${where} names ${name}, known from Keras safe_mode bypasses.`, name));
      }
    }
    if (registered?.includes('>') && !allowRegistered.has(registered)) {
      findings.push(finding('TG-KRS-004', 'medium', path, `${where} needs the custom object ${registered}.`, registered));
    }
    for (const [key, child] of Object.entries(value))
      stack.push({ value: child, where: `${where}.${key}`, inLambda: inLambda || isLambda });
  }
  return uniqueBy(findings, (f) => `${f.rule}\u0000${f.message}`);
}
