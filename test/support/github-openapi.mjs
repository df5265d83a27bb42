// GitHub's REST API as its OpenAPI description (@octokit/openapi) states it: routes, request and response validation,
// and example responses. Every test double of GitHub (the App's mock, the gate's attestations server) goes through it.
import { createRequire } from 'node:module';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

const require = createRequire(import.meta.url);
let cached;

/** Load the description once per process and index its operations. */
export function githubApi() {
  if (cached) return cached;
  const spec = require('@octokit/openapi/generated/api.github.com.json');
  // OpenAPI 3.0 schemas: `nullable`, `example` and vendor keys are not JSON Schema; strict mode would reject them.
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'gh', components: { schemas: spec.components.schemas } });
  const coercing = new Ajv({ strict: false, allErrors: true, coerceTypes: true });
  addFormats(coercing);
  coercing.addSchema({ $id: 'gh', components: { schemas: spec.components.schemas } });
  const routes = [];
  for (const [template, methods] of Object.entries(spec.paths)) {
    const names = [];
    const pattern = template
      .split(/(\{[^}]+\})/)
      .map((part) => {
        const name = /^\{([^}]+)\}$/.exec(part)?.[1];
        if (!name) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        names.push(name);
        // Only a file path (`/contents/{path}`) and a git ref (`/git/ref/tags/v1`) may span segments.
        return name === 'path' || (name === 'ref' && /\/git\/(ref|refs|matching-refs)\/\{ref\}$/.test(template)) ? '(.+)' : '([^/]+?)';
      })
      .join('');
    for (const [method, operation] of Object.entries(methods)) {
      if (!operation?.operationId) continue;
      routes.push({ method: method.toUpperCase(), template, regex: new RegExp(`^${pattern}$`), names, operation });
    }
  }
  // Literal text beats parameters (`/app/hook/deliveries` before `/app/{x}`); fewer parameters first on ties
  // (`/compare/{basehead}` before its alias `/compare/{base}...{head}`).
  const literal = (t) => t.replace(/\{[^}]+\}/g, '').length;
  const params = (t) => (t.match(/\{/g) ?? []).length;
  routes.sort((a, b) => params(a.template) - params(b.template) || literal(b.template) - literal(a.template));
  cached = { spec, ajv, coercing, routes, validators: new Map() };
  return cached;
}

export function resolveRef(spec, node) {
  let n = node;
  while (n && typeof n === 'object' && typeof n.$ref === 'string') {
    n = n.$ref
      .slice(2)
      .split('/')
      .reduce((o, k) => o?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
  }
  return n;
}

function rebase(schema) {
  return JSON.parse(JSON.stringify(schema).replace(/"\$ref":"#\/components\//g, '"$ref":"gh#/components/'));
}

/** Match a request to an operation and return its path parameters. */
export function matchRoute(method, pathname) {
  const api = githubApi();
  for (const route of api.routes) {
    if (route.method !== method) continue;
    const m = route.regex.exec(pathname);
    if (!m) continue;
    const params = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(m[i + 1])]));
    return { route, params };
  }
  return undefined;
}

function validatorsFor(route) {
  const api = githubApi();
  const key = `${route.method} ${route.template}`;
  let v = api.validators.get(key);
  if (v) return v;
  const params = (route.operation.parameters ?? []).map((p) => resolveRef(api.spec, p));
  const group = (where) => {
    const list = params.filter((p) => p.in === where);
    return api.coercing.compile({
      type: 'object',
      properties: Object.fromEntries(list.map((p) => [p.name, rebase(p.schema ?? {})])),
      required: list.filter((p) => p.required).map((p) => p.name),
    });
  };
  const body = resolveRef(api.spec, route.operation.requestBody);
  const bodySchema = body?.content?.['application/json']?.schema;
  v = {
    path: group('path'),
    query: group('query'),
    bodyRequired: Boolean(body?.required),
    body: bodySchema ? api.ajv.compile(rebase(bodySchema)) : undefined,
  };
  api.validators.set(key, v);
  return v;
}

/**
 * Every way the request departs from the operation's description (empty when valid). `strictQuery` also rejects
 * query parameters the operation does not define.
 */
export function validateRequest(route, params, query, body, { strictQuery = false } = {}) {
  const v = validatorsFor(route);
  const errors = [];
  const check = (name, fn, data) => {
    if (!fn(data)) for (const e of fn.errors ?? []) errors.push(`${name}${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
  };
  check('path', v.path, { ...params });
  check('query', v.query, { ...query });
  if (strictQuery) {
    const known = new Set(
      (route.operation.parameters ?? [])
        .map((p) => resolveRef(githubApi().spec, p))
        .filter((p) => p.in === 'query')
        .map((p) => p.name),
    );
    for (const name of Object.keys(query)) if (!known.has(name)) errors.push(`query: unknown parameter ${name}`);
  }
  if (body === undefined) {
    if (v.bodyRequired) errors.push('body: required but missing');
  } else if (v.body) {
    check('body', v.body, body);
  } else if (body !== undefined && Object.keys(body).length > 0) {
    errors.push('body: operation takes no JSON body');
  }
  return errors;
}

/** Every way a JSON response body departs from the operation's schema for that status (empty when valid). */
export function validateResponse(route, status, body) {
  const api = githubApi();
  const key = `${route.method} ${route.template} -> ${status}`;
  let validate = api.validators.get(key);
  if (!validate) {
    const res = resolveRef(api.spec, route.operation.responses?.[String(status)]);
    const schema = res?.content?.['application/json']?.schema;
    if (!schema) return [`response: the description has no JSON ${status} response for ${route.method} ${route.template}`];
    validate = api.ajv.compile(rebase(schema));
    api.validators.set(key, validate);
  }
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `response${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
}

/** The description's example response of an operation: the first success status with an example. */
export function exampleResponse(route, preferStatus) {
  const api = githubApi();
  const responses = route.operation.responses ?? {};
  const statuses = preferStatus ? [String(preferStatus)] : Object.keys(responses).filter((s) => /^2/.test(s));
  for (const status of statuses) {
    const res = resolveRef(api.spec, responses[status]);
    const content = res?.content?.['application/json'];
    const examples = content?.examples ? Object.values(content.examples) : [];
    let example = examples.length ? resolveRef(api.spec, examples[0])?.value : content?.example;
    // Some examples' values point at a shared example object (`components/examples/...`) rather than holding one.
    if (typeof example?.$ref === 'string') example = resolveRef(api.spec, example)?.value;
    return { status: Number(status), body: example === undefined ? undefined : structuredClone(example) };
  }
  return { status: 200, body: undefined };
}
