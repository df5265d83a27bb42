import { readFile } from 'node:fs/promises';
import { isAlias, isMap, isScalar, LineCounter, parseDocument, type Document, type Node, visit } from 'yaml';
import type { z } from 'zod';
import { ConfigError, type ConfigProblem } from '../errors.js';
import { fileProblem } from '../foreign-errors.js';
import { type Policy, policySchema } from '../policy/index.js';
import { decodePolicyBytes, guardYamlText, YAML_LIMITS } from './guard.js';

/**
 * Parse YAML text and validate it with a zod schema. Every problem is located at the offending key
 * (file:line:column), so an editor or a check run can point at it.
 */
export function parseConfig<S extends z.ZodType>(schema: S, text: string, file: string): z.infer<S> {
  guardYamlText(text, file);
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (cause) {
    throw new ConfigError(
      'CONFIG_YAML_ERROR',
      file,
      [{ line: 1, column: 1, message: `YAML could not be parsed (${(cause as Error).message})` }],
      { cause },
    );
  }
  // Unknown tags (`!!python/object:...`) are warnings to the parser; to a policy they are an attack or a typo.
  const refused = [...doc.errors, ...doc.warnings];
  if (refused.length > 0) {
    const problems = refused.map((e) => {
      const pos = lineCounter.linePos(e.pos[0]);
      return { line: pos.line, column: pos.col, message: `YAML syntax: ${e.message.split('\n')[0]}` };
    });
    throw new ConfigError('CONFIG_YAML_ERROR', file, problems);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: YAML_LIMITS.maxAliases });
  } catch (cause) {
    const at = firstAlias(doc, lineCounter);
    throw new ConfigError(
      'CONFIG_YAML_ERROR',
      file,
      [{ ...at, message: `YAML aliases expand past ${YAML_LIMITS.maxAliases} copies (an alias bomb); write the values out` }],
      { cause },
    );
  }
  const result = schema.safeParse(data ?? {});
  if (result.success) return result.data;
  const problems: ConfigProblem[] = result.error.issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      const key = issue.keys[0] ?? '';
      const at = locateKey(doc, path, key, lineCounter);
      return {
        ...at,
        key: dotted([...path, key]),
        message: `unknown key "${key}" at ${dotted(path) || 'top level'}; remove it or check its spelling`,
      };
    }
    const at = locate(doc, path, lineCounter);
    const where = dotted(path) || 'top level';
    return { ...at, key: where, message: `${where}: ${issue.message}` };
  });
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  throw new ConfigError('CONFIG_SCHEMA_ERROR', file, problems);
}

/** Read and validate a trustgate policy file. */
export async function loadPolicyFile(file: string): Promise<Policy> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (cause) {
    throw new ConfigError(
      'CONFIG_NOT_FOUND',
      file,
      [
        {
          line: 1,
          column: 1,
          message: `cannot read policy file: ${fileProblem(cause)}`,
        },
      ],
      { cause },
    );
  }
  return parsePolicy(decodePolicyBytes(bytes, file), file);
}

export function parsePolicy(text: string, file: string): Policy {
  return parseConfig(policySchema, text, file);
}

function firstAlias(doc: Document, lc: LineCounter): { line: number; column: number } {
  let at = { line: 1, column: 1 };
  visit(doc, {
    Alias(_key, node) {
      if (isAlias(node) && node.range) {
        const pos = lc.linePos(node.range[0]);
        at = { line: pos.line, column: pos.col };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return at;
}

function dotted(path: readonly (string | number)[]): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
}

// The deepest node that exists along the path: a missing key is reported where its parent is.
function locate(doc: Document, path: readonly (string | number)[], lc: LineCounter): { line: number; column: number } {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    const range = (node as Node | undefined)?.range;
    if (range) {
      const pos = lc.linePos(range[0]);
      return { line: pos.line, column: pos.col };
    }
  }
  return { line: 1, column: 1 };
}

function locateKey(doc: Document, path: readonly (string | number)[], key: string, lc: LineCounter): { line: number; column: number } {
  const parent = path.length === 0 ? doc.contents : doc.getIn(path, true);
  if (isMap(parent)) {
    for (const pair of parent.items) {
      if (isScalar(pair.key) && String(pair.key.value) === key && pair.key.range) {
        const pos = lc.linePos(pair.key.range[0]);
        return { line: pos.line, column: pos.col };
      }
    }
  }
  return locate(doc, path, lc);
}
