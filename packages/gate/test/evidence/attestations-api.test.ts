import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { Octokit } from '@octokit/core';
import { parseDigest } from '@trustgate/core';
import { attestationsForDigest, decidePromotion, decidePromotionFromFiles, GateError } from '@trustgate/gate';
import { matchRoute, validateRequest, validateResponse } from '../../../../test/support/github-openapi.mjs';
import { BUILD_WORKFLOW, createKit, type Kit, POLICY_SOURCE, POLICY_YAML, policy, SUBJECT, statements } from '../support/evidence-kit.js';

const ATTESTATIONS = '/repos/{owner}/{repo}/attestations/{subject_digest}';

/** The attestations operation a request path resolves to in GitHub's description, with its decoded parameters. */
function attestationsRoute(pathname: string) {
  const match = matchRoute('GET', pathname);
  return match?.route.template === ATTESTATIONS ? match : undefined;
}

function responseErrors(body: unknown): string[] {
  const match = attestationsRoute(`/repos/acme/ml/attestations/sha256:${SUBJECT}`);
  if (!match) throw new Error(`GitHub's OpenAPI description has no GET ${ATTESTATIONS}`);
  return validateResponse(match.route, 200, body);
}

interface Seen {
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
}

// A local stand-in for api.github.com: the route and the response bodies follow GitHub's OpenAPI description,
// and every request the client makes is checked against the operation's parameters.
let kit: Kit;
let server: Server;
let baseUrl: string;
const seen: Seen[] = [];
let pages: Record<string, { status: number; body: unknown; link?: string }> = {};

beforeAll(async () => {
  kit = await createKit();
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    seen.push({ path: url.pathname, query: Object.fromEntries(url.searchParams), headers: req.headers });
    const match = attestationsRoute(url.pathname);
    const page = pages[url.searchParams.get('after') ?? ''];
    if (!match || !page) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'Not Found' }));
      return;
    }
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
    if (page.link) headers.link = page.link.replace('BASE', baseUrl);
    res.writeHead(page.status, headers).end(JSON.stringify(page.body));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

const entry = (bundle: unknown) => ({ bundle, repository_id: 4242, bundle_url: 'https://example.invalid/bundle' });
const client = () => ({ fetch, token: 'ghs_test', baseUrl });

async function servePages(bodies: unknown[][]): Promise<void> {
  pages = {};
  bodies.forEach((attestations, i) => {
    const body = { attestations };
    expect(responseErrors(body)).toEqual([]);
    const next =
      i + 1 < bodies.length ? `<BASE/repos/acme/ml/attestations/sha256:${SUBJECT}?per_page=100&after=c${i + 1}>; rel="next"` : undefined;
    pages[i === 0 ? '' : `c${i}`] = { status: 200, body, ...(next ? { link: next } : {}) };
  });
  seen.length = 0;
}

function expectValidRequests(): void {
  expect(seen.length).toBeGreaterThan(0);
  for (const r of seen) {
    const m = attestationsRoute(r.path);
    // Path parameters arrive percent-encoded or not (Octokit encodes the digest's ':'); GitHub decodes both.
    expect(m?.params).toEqual({ owner: 'acme', repo: 'ml', subject_digest: `sha256:${SUBJECT}` });
    expect(m ? validateRequest(m.route, m.params, r.query, undefined, { strictQuery: true }) : ['no route']).toEqual([]);
    expect(r.headers.authorization).toMatch(/^(Bearer|token) ghs_test$/);
    expect(r.headers.accept).toBe('application/vnd.github+json');
    expect(r.headers['x-github-api-version']).toBe('2022-11-28');
  }
}

describe('attestations API path', () => {
  test('reads every page for the digest, verifies each bundle, and decides', async () => {
    const scan = await kit.sign(statements.scan(), 'scan');
    const provenance = await kit.sign(statements.provenance(), 'provenance', BUILD_WORKFLOW);
    const tests = await kit.sign(statements.tests(), 'tests');
    await servePages([[entry(scan.document), entry(provenance.document)], [entry(tests.document)]]);
    const result = await decidePromotion(
      { policy: policy(), policySource: POLICY_SOURCE, environment: 'staging', subject: `sha256:${SUBJECT}`, repository: 'acme/ml' },
      { verifyBundle: kit.verifyBundle, attestations: client() },
    );
    expectValidRequests();
    expect(responseErrors({ attestations: [{ bundle: 'not an object', repository_id: 'x' }] })).not.toEqual([]);
    expect(seen.map((r) => r.query)).toEqual([{ per_page: '100' }, { per_page: '100', after: 'c1' }]);
    expect(result.decision.decision).toBe('pass');
    expect(result.decision.evidence.counted.map((e) => e.origin)).toEqual([
      `${baseUrl}/repos/acme/ml/attestations/sha256:${SUBJECT}?per_page=100#attestations[0]`,
      `${baseUrl}/repos/acme/ml/attestations/sha256:${SUBJECT}?per_page=100#attestations[1]`,
      `${baseUrl}/repos/acme/ml/attestations/sha256:${SUBJECT}?per_page=100&after=c1#attestations[0]`,
    ]);
  });

  test('an Octokit (as the App holds) reads the same pages through request()', async () => {
    const scan = await kit.sign(statements.scan(), 'scan');
    const tests = await kit.sign(statements.tests(), 'tests');
    await servePages([[entry(scan.document)], [entry(tests.document)]]);
    const octokit = new Octokit({ auth: 'ghs_test', baseUrl });
    const docs = await attestationsForDigest(octokit, 'acme/ml', parseDigest(`sha256:${SUBJECT}`));
    expectValidRequests();
    expect(seen.map((r) => r.query)).toEqual([{ per_page: '100' }, { per_page: '100', after: 'c1' }]);
    expect(docs.map((d) => d.document)).toEqual([scan.document, tests.document]);
    pages = { '': { status: 403, body: { message: 'Resource not accessible by integration' } } };
    await expect(attestationsForDigest(octokit, 'acme/ml', parseDigest(`sha256:${SUBJECT}`))).rejects.toMatchObject({
      code: 'ATTESTATIONS_API_ERROR',
      message: expect.stringContaining('attestations: read'),
    });
    pages = {};
    await expect(attestationsForDigest(octokit, 'acme/none', parseDigest(`sha256:${SUBJECT}`))).resolves.toEqual([]);
  });

  test('decidePromotionFromFiles (the CLI and action edge) reads the API when given a repository and token', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'trustgate-gate-api-'));
    await writeFile(join(dir, 'trustgate.yml'), POLICY_YAML);
    await writeFile(join(dir, 'root.json'), JSON.stringify(kit.sigstore.trustedRoot));
    const signed = await kit.signStaging();
    await servePages([signed.map((s) => entry(s.document))]);
    const files = { policyFile: join(dir, 'trustgate.yml'), environment: 'staging', subject: `sha256:${SUBJECT}`, evidenceFiles: [] };
    const result = await decidePromotionFromFiles({
      ...files,
      trustedRootFile: join(dir, 'root.json'),
      repository: 'acme/ml',
      token: 'ghs_test',
      apiUrl: baseUrl,
    });
    expectValidRequests();
    expect(result.decision.decision).toBe('pass');
    // Without a token nothing is read, and nothing is assumed.
    seen.length = 0;
    const offline = await decidePromotionFromFiles({ ...files, trustedRootFile: join(dir, 'root.json'), repository: 'acme/ml' });
    expect(seen).toEqual([]);
    expect(offline.decision.decision).toBe('fail');
  });

  test('an entry without a bundle is reported, not counted', async () => {
    await servePages([[{ repository_id: 1 }]]);
    const result = await decidePromotion(
      { policy: policy(), policySource: POLICY_SOURCE, environment: 'staging', subject: `sha256:${SUBJECT}`, repository: 'acme/ml' },
      { verifyBundle: kit.verifyBundle, attestations: client() },
    );
    expect(result.decision.decision).toBe('fail');
    expect(result.decision.evidence.ignored).toEqual([expect.objectContaining({ kind: 'malformed' })]);
  });

  test('no attestations (404) is no evidence; 403 is an error naming the permission', async () => {
    pages = {};
    await expect(attestationsForDigest(client(), 'acme/other', parseDigest(`sha256:${SUBJECT}`))).resolves.toEqual([]);
    pages = { '': { status: 403, body: { message: 'Resource not accessible by integration' } } };
    const denied = attestationsForDigest(client(), 'acme/ml', parseDigest(`sha256:${SUBJECT}`));
    await expect(denied).rejects.toBeInstanceOf(GateError);
    await expect(denied).rejects.toMatchObject({ code: 'ATTESTATIONS_API_ERROR', message: expect.stringContaining('attestations: read') });
  });

  test('a body without an attestations array is an error, not an empty pass', async () => {
    pages = { '': { status: 200, body: { message: 'surprise' } } };
    await expect(attestationsForDigest(client(), 'acme/ml', parseDigest(`sha256:${SUBJECT}`))).rejects.toMatchObject({
      code: 'ATTESTATIONS_API_ERROR',
    });
  });
});
