// A local GitHub for end-to-end tests: validates every request against GitHub's OpenAPI description, answers from
// the description's examples adjusted to the scenario's state, and records what the App sent.
import { createHmac, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { exampleResponse, matchRoute, validateRequest } from '../../../test/support/github-openapi.mjs';
import { refusal } from '../../../test/support/github-permissions.mjs';

/** A fresh scenario: one org, one repository, pull requests, team members and files by ref. */
export function createState({ owner = 'octo-org', repo = 'service' } = {}) {
  return {
    owner,
    repo,
    /** `${owner}/${repo}@${ref}:${path}` (ref omitted for the default branch) -> text */
    files: new Map(),
    pulls: new Map(),
    teams: new Map(),
    /** basehead -> compare answer overrides */
    compare: new Map(),
    /** sha -> `{ parents, message, date, files }` of `GET /commits/{sha}` (files as GitHub sends them) */
    commits: new Map(),
    /** issue number -> `{ labels: string[] }` */
    issues: new Map(),
    /** users and team slugs that are not collaborators: asking them for a review is refused with 422, as GitHub does */
    outsiders: new Set(),
    deliveries: [],
    /** operationId -> remaining secondary-rate-limit refusals */
    refuse: new Map(),
    /** operationId -> promise to wait on before answering (a GitHub that is slow at the wrong moment) */
    stall: new Map(),
    /** workflow tokens -> their permissions (`{ contents: 'read', ... }`): requests beyond them get GitHub's 403 */
    tokens: new Map(),
    /** attestations created through the API: `{ id, bundle, digests: ['sha256:…'] }` */
    attestations: [],
    nextId: 1000,
  };
}

export function addPull(state, pr) {
  const full = {
    number: pr.number,
    title: pr.title ?? `Change ${pr.number}`,
    body: pr.body ?? '',
    author: pr.author ?? 'octocat',
    authorType: pr.authorType ?? 'User',
    labels: pr.labels ?? [],
    assignees: pr.assignees ?? [],
    headSha: pr.headSha,
    headRef: pr.headRef ?? `feature-${pr.number}`,
    baseRef: pr.baseRef ?? 'main',
    createdAt: pr.createdAt ?? new Date().toISOString(),
    files: pr.files ?? ['src/index.ts'],
    reviews: pr.reviews ?? [],
    comments: pr.comments ?? [],
    /** `{ sha, message }`; absent means the description's example commit */
    commits: pr.commits,
  };
  state.pulls.set(pr.number, full);
  return full;
}

const user = (login, type = 'User') => ({ login, id: hashId(login), type });
function hashId(s) {
  let h = 7;
  for (const c of s) h = (h * 31 + c.charCodeAt(0)) % 1_000_000;
  return h + 1;
}

class HttpAnswer {
  constructor(status, body, headers = {}) {
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
}
const notFound = () => new HttpAnswer(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });

// Answers by operationId: the description's example with the scenario's facts written over it.
const OPERATIONS = {
  'apps/create-installation-access-token': (_, ex) => ({ ...ex, expires_at: new Date(Date.now() + 3_600_000).toISOString() }),
  'repos/get-content': (s, ex, { params, query }) => {
    const key = `${params.owner}/${params.repo}${query.ref ? `@${query.ref}` : ''}:${params.path}`;
    const text = s.files.get(key);
    if (text === undefined) return notFound();
    return {
      ...ex,
      type: 'file',
      path: params.path,
      name: params.path.split('/').pop(),
      encoding: 'base64',
      content: Buffer.from(text).toString('base64'),
    };
  },
  'pulls/get': (s, ex, { params }) => {
    const pr = s.pulls.get(Number(params.pull_number));
    if (!pr) return notFound();
    return {
      ...ex,
      number: pr.number,
      title: pr.title,
      body: pr.body,
      user: { ...ex.user, ...user(pr.author, pr.authorType) },
      labels: pr.labels.map((name, i) => ({ ...ex.labels[0], id: i + 1, name })),
      assignees: pr.assignees.map((login) => ({ ...ex.user, ...user(login) })),
      head: { ...ex.head, ref: pr.headRef, sha: pr.headSha },
      base: { ...ex.base, ref: pr.baseRef },
      created_at: pr.createdAt,
    };
  },
  'pulls/list-files': (s, ex, { params }) => {
    const pr = s.pulls.get(Number(params.pull_number));
    if (!pr) return notFound();
    return pr.files.map((filename) => ({ ...ex[0], filename, status: 'modified' }));
  },
  'pulls/list-reviews': (s, ex, { params }) => {
    const pr = s.pulls.get(Number(params.pull_number));
    if (!pr) return notFound();
    return pr.reviews.map((r, i) => ({
      ...ex[0],
      id: i + 1,
      user: { ...ex[0].user, ...user(r.user) },
      state: r.state,
      commit_id: r.commitId,
    }));
  },
  'pulls/list-commits': (s, ex, { params }) => {
    const pr = s.pulls.get(Number(params.pull_number));
    if (!pr) return notFound();
    if (!pr.commits) return ex;
    return pr.commits.map((c) => ({
      ...ex[0],
      sha: c.sha,
      commit: { ...ex[0].commit, message: c.message, author: { ...ex[0].commit.author, name: c.authorName, email: c.authorEmail } },
    }));
  },
  'issues/list-comments': (s, ex, { params }) => {
    const pr = s.pulls.get(Number(params.issue_number));
    if (!pr) return notFound();
    return pr.comments.map((c, i) => ({ ...ex[0], id: i + 1, body: c.body, user: { ...ex[0].user, ...user(c.user) } }));
  },
  'issues/get': (s, ex, { params }) => {
    const issue = s.issues.get(Number(params.issue_number));
    if (!issue) return notFound();
    return { ...ex, number: Number(params.issue_number), labels: issue.labels.map((name, i) => ({ ...ex.labels[0], id: i + 1, name })) };
  },
  'pulls/request-reviewers': (s, ex, { body }) => {
    const asked = [...(body.reviewers ?? []), ...(body.team_reviewers ?? [])];
    if (asked.some((who) => s.outsiders.has(who))) {
      return new HttpAnswer(422, {
        message: `Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the ${s.owner}/${s.repo} repository.`,
        documentation_url: 'https://docs.github.com/rest/pulls/review-requests#request-reviewers-for-a-pull-request',
      });
    }
    return ex;
  },
  'teams/get-membership-for-user-in-org': (s, ex, { params }) =>
    s.teams.get(`${params.org}/${params.team_slug}`)?.has(params.username) ? { ...ex, state: 'active' } : notFound(),
  // By default a push is one ordinary commit that changed the diff; scenarios override it for clean merges.
  'repos/compare-commits-with-basehead': (s, ex, { params }) => ({
    ...ex,
    status: 'ahead',
    files: [{ ...ex.files[0], filename: 'src/index.ts', patch: `@@ ${params.basehead} @@` }],
    ...(s.compare.get(params.basehead) ?? {}),
  }),
  'repos/get-commit': (s, ex, { params }) => {
    const c = s.commits.get(params.ref);
    if (!c) return notFound();
    return {
      ...ex,
      sha: params.ref,
      parents: c.parents.map((sha) => ({ ...ex.parents[0], sha })),
      commit: { ...ex.commit, message: c.message, committer: { ...ex.commit.committer, date: c.date } },
      // GitHub leaves `patch` out for large and binary files.
      files: c.files.map(({ patch, ...f }) => {
        const { patch: _example, ...file } = { ...ex.files[0], ...f };
        return patch === undefined ? file : { ...file, patch };
      }),
    };
  },
  'checks/create': (s, ex, { body }) => ({
    ...ex,
    id: s.nextId++,
    name: body.name,
    head_sha: body.head_sha,
    status: body.status ?? 'queued',
    conclusion: body.conclusion ?? null,
  }),
  'apps/list-webhook-deliveries': (s, ex) => s.deliveries.map((d) => ({ ...ex[0], ...d })),
  'repos/create-attestation': (s, _ex, { body }) => {
    const id = s.nextId++;
    s.attestations.push({ id, bundle: body.bundle, digests: subjectDigests(body.bundle) });
    return new HttpAnswer(201, { id });
  },
  'repos/list-attestations': (s, _ex, { params }) => {
    const found = s.attestations.filter((a) => a.digests.includes(params.subject_digest));
    if (found.length === 0) return notFound();
    return { attestations: found.map((a) => ({ bundle: a.bundle, repository_id: 1, bundle_url: `https://example.invalid/${a.id}` })) };
  },
};

// The digests an attestation is for: its DSSE payload's in-toto subjects (GitHub indexes bundles by them).
function subjectDigests(bundle) {
  try {
    const statement = JSON.parse(Buffer.from(bundle?.dsseEnvelope?.payload ?? '', 'base64').toString('utf8'));
    return (statement.subject ?? []).map((x) => `sha256:${x.digest?.sha256}`);
  } catch {
    return [];
  }
}

/**
 * Start the mock. `app.deliver(name, payload)` plays GitHub sending a webhook to the App; a redelivery request is
 * answered by sending the recorded delivery again with the same GUID.
 */
export async function startMockGitHub({ state = createState(), webhookSecret, appUrl, keepAlive = false } = {}) {
  const requests = [];
  const invalid = [];
  const sent = new Map();
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      answer(req, Buffer.concat(chunks).toString('utf8'))
        .then((a) => {
          const payload = a.body === undefined ? '' : JSON.stringify(a.body);
          // No keep-alive in tests: servers of earlier scenarios may have held the same port, and a pooled socket to
          // them would hang. The bench's single long-lived mock keeps connections alive, as GitHub does.
          res.writeHead(a.status, {
            'content-type': 'application/json; charset=utf-8',
            'x-github-media-type': 'github.v3',
            connection: keepAlive ? 'keep-alive' : 'close',
            ...a.headers,
          });
          res.end(payload);
        })
        .catch((err) => {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ message: String(err?.message ?? err) }));
        });
    });
  });

  async function answer(req, raw) {
    const url = new URL(req.url, 'http://127.0.0.1');
    const query = Object.fromEntries(url.searchParams);
    let body;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      invalid.push({ method: req.method, path: url.pathname, errors: ['body is not JSON'] });
      return new HttpAnswer(400, { message: 'Problems parsing JSON' });
    }
    const matched = matchRoute(req.method, url.pathname);
    if (!matched) {
      invalid.push({ method: req.method, path: url.pathname, errors: ['no such operation in the OpenAPI description'] });
      return notFound();
    }
    const { route, params } = matched;
    const operationId = route.operation.operationId;
    const errors = validateRequest(route, params, query, body);
    const auth = String(req.headers.authorization ?? '');
    const appLevel = url.pathname.startsWith('/app/');
    // Repository routes take an installation or workflow token as `token X` or `Bearer X`, as GitHub does.
    if (appLevel ? !/^bearer \S+\.\S+\.\S+$/i.test(auth) : !/^(token|bearer) \S+/i.test(auth)) {
      errors.push(`authorization: expected ${appLevel ? 'an App JWT' : 'an installation token'}`);
    }
    const record = { method: req.method, path: url.pathname, operationId, params, query, body, errors };
    requests.push(record);
    if (errors.length) {
      invalid.push(record);
      return new HttpAnswer(422, { message: 'Validation Failed', errors });
    }
    const permissions = state.tokens.get(auth.replace(/^(token|bearer) /i, ''));
    const denied = permissions && refusal(route.operation, req.method, permissions);
    if (denied) return new HttpAnswer(denied.status, denied.body);
    const refusals = state.refuse.get(operationId) ?? 0;
    if (refusals > 0) {
      state.refuse.set(operationId, refusals - 1);
      return new HttpAnswer(403, { message: 'You have exceeded a secondary rate limit.' }, { 'retry-after': '0' });
    }
    const stall = state.stall.get(operationId);
    if (stall) await stall;
    if (operationId === 'apps/redeliver-webhook-delivery') {
      const original = state.deliveries.find((d) => d.id === Number(params.delivery_id));
      if (!original) return notFound();
      setImmediate(() =>
        deliver(original.event, sent.get(original.guid), { guid: original.guid, redelivery: true }).catch(() => undefined),
      );
      return new HttpAnswer(202, {});
    }
    const example = exampleResponse(route);
    const custom = OPERATIONS[operationId];
    const out = custom ? custom(state, example.body, { params, query, body }) : example.body;
    if (out instanceof HttpAnswer) return out;
    return new HttpAnswer(example.status, out);
  }

  /** Send a signed webhook delivery to the App, as GitHub does, and record its outcome for the deliveries API. */
  async function deliver(
    event,
    payload,
    { guid = randomUUID(), redelivery = false, secret = webhookSecret, target = appUrl, forged = false } = {},
  ) {
    const body = JSON.stringify(payload);
    sent.set(guid, payload);
    const signature = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
    const record = {
      id: state.nextId++,
      guid,
      delivered_at: new Date().toISOString(),
      redelivery,
      duration: 0,
      status: 'pending',
      status_code: 0,
      event,
      action: payload.action ?? null,
      installation_id: payload.installation?.id ?? null,
      repository_id: payload.repository?.id ?? null,
    };
    let status = 0;
    let text = '';
    try {
      const res = await fetch(`${target()}/api/github/webhooks`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          connection: 'close',
          'x-github-event': event,
          'x-github-delivery': guid,
          'x-hub-signature-256': signature,
          'user-agent': 'GitHub-Hookshot/mock',
        },
        body,
      });
      status = res.status;
      text = await res.text();
    } catch (err) {
      text = String(err?.message ?? err);
    }
    record.status_code = status;
    record.status = status >= 200 && status < 300 ? 'OK' : status ? `HTTP ${status}` : 'connection failed';
    // Like GitHub, a delivery is listed once its attempt has ended; a forged one was never GitHub's to list.
    if (!forged) state.deliveries.push(record);
    return { status, text, guid };
  }

  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    state,
    requests,
    invalid,
    deliver,
    /** Requests the App made to one operation. */
    calls: (operationId) => requests.filter((r) => r.operationId === operationId && r.errors.length === 0),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
