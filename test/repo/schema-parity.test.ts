import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { policySchema } from '@trustgate/core';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { type ZodType, z } from 'zod';
import { POLICY_TEMPLATE } from '../../packages/cli/src/commands/init.js';
import { isIllustrative, repoSnippets, snippetKind, where } from '../support/markdown-snippets.js';

/**
 * schema/trustgate.schema.json (what editors validate against) accepts exactly what the loader accepts: every valid
 * config we ship, and every config one mutation away from them (a value of another type, out of range, an unknown
 * key, a missing key), is judged the same by ajv and by the zod schema the loader uses.
 */
const root = path.resolve(import.meta.dirname, '../..');
const schema = JSON.parse(readFileSync(path.join(root, 'schema/trustgate.schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: false, strict: false });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
const validate = ajv.compile(schema);

const loaderAccepts = (config: unknown) => policySchema.safeParse(config).success;
const schemaAccepts = (config: unknown) => validate(config) === true;

/** Every config the project ships: README/docs blocks, `trustgate init`'s template, examples/**.yml policies. */
function shippedConfigs(): Array<[string, unknown]> {
  const docs = repoSnippets(root)
    .filter((s) => snippetKind(s) === 'config' && !isIllustrative(s))
    .map((s): [string, unknown] => [where(s), parse(s.text)]);
  const examples = readdirSync(path.join(root, 'examples'), { recursive: true, encoding: 'utf8' })
    .filter((f) => /(^|\/)(trustgate|policy[^/]*)\.ya?ml$/.test(f))
    .map((f): [string, unknown] => [`examples/${f}`, parse(readFileSync(path.join(root, 'examples', f), 'utf8'))]);
  return [...docs, ['trustgate init', parse(POLICY_TEMPLATE)], ...examples];
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const REPLACEMENTS: Json[] = ['', 'x', 'https://example.com/x', 0, -1, 1.5, 100_000, true, null, [], ['x'], {}, { bogus: 1 }];

/** Each config one step away: every value replaced by each of REPLACEMENTS, every key removed, an unknown key added. */
function* mutations(value: Json, at: string[] = []): Generator<[string, (root: Json) => Json]> {
  const set = (fn: (v: Json) => Json) => (whole: Json) => update(whole, at, fn);
  for (const r of REPLACEMENTS) yield [`${at.join('.')} = ${JSON.stringify(r)}`, set(() => r)];
  if (Array.isArray(value)) {
    yield [`${at.join('.')} + 1 element`, set((v) => [...(v as Json[]), (v as Json[])[0] ?? 'x'])];
    for (let i = 0; i < value.length; i++) yield* mutations(value[i] as Json, [...at, String(i)]);
  } else if (value && typeof value === 'object') {
    yield [`${at.join('.')} + bogus key`, set((v) => ({ ...(v as object), bogusKey: 1 }))];
    for (const [k, v] of Object.entries(value)) {
      yield [`${[...at, k].join('.')} removed`, set((o) => Object.fromEntries(Object.entries(o as object).filter(([key]) => key !== k)))];
      yield* mutations(v, [...at, k]);
    }
  }
}

function update(whole: Json, at: readonly string[], fn: (v: Json) => Json): Json {
  if (at.length === 0) return fn(whole);
  const [head, ...rest] = at as [string, ...string[]];
  if (Array.isArray(whole)) return whole.map((v, i) => (String(i) === head ? update(v, rest, fn) : v));
  const o = whole as { [k: string]: Json };
  return { ...o, [head]: update(o[head] as Json, rest, fn) };
}

/**
 * The one rule JSON Schema cannot state: `promotedFrom` entries must name other keys of `environments` (a value
 * checked against a sibling's keys). The schema accepts these; the loader rejects them with file:line.
 */
function loaderOnly(config: unknown): boolean {
  const envs = (config as { promotion?: { environments?: Record<string, { requires?: { promotedFrom?: unknown } }> } })?.promotion
    ?.environments;
  if (!envs || typeof envs !== 'object') return false;
  return Object.entries(envs).some(
    ([name, env]) =>
      Array.isArray(env?.requires?.promotedFrom) && env.requires.promotedFrom.some((p: unknown) => p === name || !(String(p) in envs)),
  );
}

interface WalkDef {
  type: string;
  checks?: Array<{ _zod: { def: { check: string } } }>;
  shape?: Record<string, ZodType>;
  options?: ZodType[];
  [inner: string]: unknown;
}

/** Every sub-schema of the policy carrying a refinement (a zod `custom` check), with its path and its meta. */
function refinements(schema: ZodType, at: string[] = [], seen = new Set<ZodType>()): Array<[string, Record<string, unknown>]> {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = schema._zod.def as unknown as WalkDef;
  const here: Array<[string, Record<string, unknown>]> = def.checks?.some((c) => c._zod.def.check === 'custom')
    ? [[at.join('.'), (z.globalRegistry.get(schema) ?? {}) as Record<string, unknown>]]
    : [];
  const inner = ['innerType', 'element', 'valueType', 'in', 'out'].flatMap((k) => (def[k] ? [[k, def[k] as ZodType] as const] : []));
  const children = [
    ...inner.map(([, s]) => [at, s] as const),
    ...Object.entries(def.shape ?? {}).map(([k, s]) => [[...at, k], s] as const),
  ];
  for (const o of def.options ?? []) children.push([at, o]);
  return [...here, ...children.flatMap(([path, s]) => refinements(s, [...path], seen))];
}

describe('schema/trustgate.schema.json agrees with the loader', () => {
  test('every refinement of the loader is stated in the schema too (oneOf/anyOf beside the refine), but promotedFrom', () => {
    const found = refinements(policySchema).map(([at, meta]) => [at, ['oneOf', 'anyOf', 'allOf', 'not', 'if'].some((k) => k in meta)]);
    expect(found).toEqual([
      ['verify.identities', true],
      ['promotion', false], // loaderOnly() below: promotedFrom names sibling keys
      ['agents.mcp.allow', true],
    ]);
  });
  const shipped = shippedConfigs();
  test('there are configs to compare (docs, init, examples)', () => {
    expect(shipped.length).toBeGreaterThanOrEqual(10);
  });
  test.each(shipped)('%s: both accept it', (_name, config) => {
    expect({ loader: loaderAccepts(config), schema: schemaAccepts(config) }).toEqual({ loader: true, schema: true });
  });
  test.each(shipped)('%s: every config one mutation away is judged the same', (_name, config) => {
    const disagreements: string[] = [];
    let rejected = 0;
    for (const [what, mutate] of mutations(config as Json)) {
      const mutated = mutate(config as Json);
      const loader = loaderAccepts(mutated);
      const schemaSays = schemaAccepts(mutated);
      if (!loader) rejected++;
      if (loader !== schemaSays && !(schemaSays && !loader && loaderOnly(mutated)))
        disagreements.push(`${what}: loader ${loader ? 'accepts' : 'rejects'}, schema ${schemaSays ? 'accepts' : 'rejects'}`);
    }
    expect(rejected).toBeGreaterThan(0);
    expect(disagreements).toEqual([]);
  });
  test('signer identities: exactly one of identity and identityRegexp, in both', () => {
    const issuer = 'https://token.actions.githubusercontent.com';
    const withSigner = (signer: object) => ({ version: 1, verify: { identities: [signer] } });
    const cases = [
      [{ identity: 'a', issuer }, true],
      [{ identityRegexp: 'a.*', issuer }, true],
      [{ identity: 'a', identityRegexp: 'a.*', issuer }, false],
      [{ issuer }, false],
    ] as const;
    for (const [signer, ok] of cases) {
      expect({ signer, loader: loaderAccepts(withSigner(signer)), schema: schemaAccepts(withSigner(signer)) }).toEqual({
        signer,
        loader: ok,
        schema: ok,
      });
    }
  });
  test('MCP server entries: at least one naming field (version and digest only narrow), in both', () => {
    const withEntry = (entry: object) => ({ version: 1, agents: { mcp: { allow: [entry], deny: [entry] } } });
    const digest = `sha256:${'a'.repeat(64)}`;
    const cases = [
      [{ host: 'mcp.example.com' }, true],
      [{ image: 'ghcr.io/o/s', digest }, true],
      [{ package: 'server', version: '1.0.0' }, true],
      [{ version: '1.0.0' }, false],
      [{ digest }, false],
      [{}, false],
    ] as const;
    for (const [entry, ok] of cases) {
      expect({ entry, loader: loaderAccepts(withEntry(entry)), schema: schemaAccepts(withEntry(entry)) }).toEqual({
        entry,
        loader: ok,
        schema: ok,
      });
    }
  });
  test('the loader-only rule is the only gap, and the loader does reject it', () => {
    const config = { version: 1, promotion: { environments: { production: { requires: { promotedFrom: ['staging'] } } } } };
    expect({ loader: loaderAccepts(config), schema: schemaAccepts(config) }).toEqual({ loader: false, schema: true });
  });
});
