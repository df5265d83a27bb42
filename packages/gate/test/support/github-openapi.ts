import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';

/** GitHub's own OpenAPI description (@octokit/openapi): the mock serves, and the client must send, what it says. */
type Json = Record<string, unknown>;

const require = createRequire(import.meta.url);
const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
const description = JSON.parse(readFileSync(file, 'utf8')) as { paths: Record<string, Record<string, Json>> } & Json;

function resolve(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(resolve);
  if (typeof value !== 'object' || value === null) return value;
  const ref = (value as { $ref?: unknown }).$ref;
  if (typeof ref === 'string' && ref.startsWith('#/')) {
    const target = ref
      .slice(2)
      .split('/')
      .reduce<unknown>((node, key) => (node as Json)[key], description);
    return resolve(target);
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
}

export interface Operation {
  route: string;
  routePattern: RegExp;
  parameters: { name: string; in: string; required?: boolean; schema: Json }[];
  validateResponse: ValidateFunction;
  validateQuery: ValidateFunction;
}

const ajv = new Ajv({ strict: false, allErrors: true, coerceTypes: true });

export function operation(route: string, method: string): Operation {
  const op = resolve(description.paths[route]?.[method]) as
    | { parameters: Operation['parameters']; responses: Record<string, { content: Record<string, { schema: Json }> }> }
    | undefined;
  const schema = op?.responses['200']?.content['application/json'];
  if (op === undefined || schema === undefined)
    throw new Error(`GitHub's OpenAPI description has no 200 JSON response for ${method} ${route}`);
  const query = op.parameters.filter((p) => p.in === 'query');
  const querySchema = {
    type: 'object',
    properties: Object.fromEntries(query.map((p) => [p.name, p.schema])),
    required: query.filter((p) => p.required).map((p) => p.name),
    additionalProperties: false,
  };
  // Path parameters become capture groups; x-multi-segment ones (the digest) may hold ':'.
  const routePattern = new RegExp(`^${route.replace(/\{[^}]+\}/g, '([^/]+)')}$`);
  return {
    route,
    routePattern,
    parameters: op.parameters,
    validateResponse: ajv.compile(schema.schema),
    validateQuery: ajv.compile(querySchema),
  };
}
