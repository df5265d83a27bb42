// A local GitHub for end-to-end tests: validates every request against GitHub's OpenAPI description, answers from
// the description's examples adjusted to the scenario's state, and records what the App sent.
import { createHmac, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { exampleResponse, matchRoute, validateRequest, validateResponse } from '../../../test/support/github-openapi.mjs';
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
    /** issue number -> `{ labels: string[], events?: [{ event, actor, actorType?, assignee?, createdAt }], comments?: [{ id, user, type?, body, createdAt }] }` */
    issues: new Map(),
    /** users and team slugs that are not collaborators: asking them for a review is refused with 422, as GitHub does */
    outsiders: new Set(),
    deliveries: [],
    /** operationId -> remaining secondary-rate-limit refusals */
    refuse: new Map(),
    /** operationId -> promise to wait on before answering (a GitHub that is slow at the wrong moment) */
    stall: new Map(),
    /** sha -> check suites `{ id, status, conclusion }` for `GET /commits/{ref}/check-suites` */
    checkSuites: new Map(),
    /** request number (1-based, all operations) -> refusal: 'primary' (limit used up), 'secondary' (retry-after), 'message' (no header) */
    limits: new Map(),
    served: 0,
    /** The App's effects, as GitHub keeps them: check runs by id; each pull request keeps its labels, requests, comments. */
    checkRuns: new Map(),
    /** The App's own id, as GitHub puts it on the check runs it creates. */
    appId: 12345,
    /** workflow tokens -> their permissions (`{ contents: 'read', ... }`): requests beyond them get GitHub's 403 */
    tokens: new Map(),
    /** attestations created through the API (or planted by a test): `{ id, bundle, digests: ['sha256:…'], repo?: 'owner/repo' }` */
    attestations: [],
    /** Releases by `owner/repo@tag`: `{ id, immutable, assets: [{ name, digest }] }`; refs by `owner/repo@tags/v1` -> sha. */
    releases: new Map(),
    refs: new Map(),
    /** Tokens GitHub answers 401 Bad credentials for. */
    badTokens: new Set(),
    /** operationId -> status GitHub answers instead (a 502 from a bad deploy) */
    failures: new Map(),
    /** The most attestations GitHub puts on one page, whatever per_page asks (to exercise paging with few). */
    attestationPageSize: 100,
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
    /** Review comments on the diff: `{ id, user, userType, reviewId, commitId, createdAt }`. */
    reviewComments: pr.reviewComments ?? [],
    comments: (pr.comments ?? []).map((c) => ({ id: state.nextId++, type: 'User', ...c })),
    requestedReviewers: new Set(),
    requestedTeams: new Set(),
    /** `{ sha, message, date?, authorName?, authorEmail? }`; absent means the description's example commit */
    commits: pr.commits,
    // Lifecycle, for listing and `GET /pulls/{n}` (the backfill's reads).
    state: pr.state ?? 'open',
    updatedAt: pr.updatedAt ?? pr.createdAt ?? new Date().toISOString(),
    closedAt: pr.closedAt ?? null,
    mergedAt: pr.mergedAt ?? null,
    mergeCommitSha: pr.mergeCommitSha ?? null,
    additions: pr.additions ?? 0,
    deletions: pr.deletions ?? 0,
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
/** What `GET /pulls/{n}` (and a webhook's `pull_request`) says of a pull request's lifecycle. */
export function lifecycle(pr) {
  return {
    state: pr.state,
    updated_at: pr.updatedAt,
    closed_at: pr.closedAt,
    merged: pr.mergedAt !== null,
    merged_at: pr.mergedAt,
    merge_commit_sha: pr.mergeCommitSha,
    additions: pr.additions,
    deletions: pr.deletions,
  };
}

/**
 * GitHub's paging for a list answer when the request asks for it (`per_page` or `page`): one slice and a `Link`
 * header with `rel="next"` (and `last`). A `{ total_count, check_suites }` answer pages its list the same way.
 */
function paged(out, query, url) {
  if (query.per_page === undefined && query.page === undefined) return out;
  const listKey = Array.isArray(out) ? undefined : Object.keys(out ?? {}).find((k) => k !== 'total_count' && Array.isArray(out[k]));
  const list = listKey === undefined ? out : out[listKey];
  if (!Array.isArray(list)) return out;
  const perPage = Math.min(100, Number(query.per_page ?? 30));
  const page = Math.max(1, Number(query.page ?? 1));
  const last = Math.max(1, Math.ceil(list.length / perPage));
  const slice = list.slice((page - 1) * perPage, page * perPage);
  const link = (n) => {
    const u = new URL(url);
    u.searchParams.set('page', String(n));
    u.searchParams.set('per_page', String(perPage));
    return u.toString();
  };
  const headers = page < last ? { link: `<${link(page + 1)}>; rel="next", <${link(last)}>; rel="last"` } : {};
  return new HttpAnswer(200, listKey === undefined ? slice : { ...out, [listKey]: slice }, headers);
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
      ...lifecycle(pr),
    };
  },
  'pulls/list': (s, ex, { query }) => {
    const wanted = query.state ?? 'open';
    const key = query.sort === 'updated' ? 'updatedAt' : 'createdAt';
    const list = [...s.pulls.values()].filter((pr) => wanted === 'all' || pr.state === wanted);
    list.sort((a, b) => (query.direction === 'asc' ? 1 : -1) * (Date.parse(a[key]) - Date.parse(b[key]) || a.number - b.number));
    return list.map((pr) => ({
      ...ex[0],
      number: pr.number,
      title: pr.title,
      body: pr.body,
      user: { ...ex[0].user, ...user(pr.author, pr.authorType) },
      head: { ...ex[0].head, ref: pr.headRef, sha: pr.headSha },
      base: { ...ex[0].base, ref: pr.baseRef },
      created_at: pr.createdAt,
      updated_at: pr.updatedAt,
      closed_at: pr.closedAt,
      merged_at: pr.mergedAt,
      merge_commit_sha: pr.mergeCommitSha,
      state: pr.state,
    }));
  },
  'checks/list-suites-for-ref': (s, ex, { params }) => {
    const suites = (s.checkSuites.get(params.ref) ?? []).map((c) => ({
      ...ex.check_suites[0],
      id: c.id,
      head_sha: params.ref,
      status: c.status,
      conclusion: c.conclusion,
    }));
    return { total_count: suites.length, check_suites: suites };
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
      id: r.id ?? i + 1,
      user: { ...ex[0].user, ...user(r.user, r.userType) },
      state: r.state,
      commit_id: r.commitId,
      ...(r.submittedAt ? { submitted_at: r.submittedAt } : {}),
    }));
  },
  'pulls/list-review-comments': (s, ex, { params }) => {
    const pr = s.pulls.get(Number(params.pull_number));
    if (!pr) return notFound();
    return pr.reviewComments.map((c) => ({
      ...ex[0],
      id: c.id,
      user: { ...ex[0].user, ...user(c.user, c.userType) },
      pull_request_review_id: c.reviewId,
      commit_id: c.commitId,
      original_commit_id: c.commitId,
      created_at: c.createdAt,
      updated_at: c.createdAt,
    }));
  },
  'pulls/list-commits': (s, ex, { params }) => {
    const pr = s.pulls.get(Number(params.pull_number));
    if (!pr) return notFound();
    if (!pr.commits) return ex;
    return pr.commits.map((c) => ({
      ...ex[0],
      sha: c.sha,
      commit: {
        ...ex[0].commit,
        message: c.message,
        author: { ...ex[0].commit.author, name: c.authorName, email: c.authorEmail },
        committer: { ...ex[0].commit.committer, ...(c.date ? { date: c.date } : {}) },
      },
    }));
  },
  'issues/list-comments': (s, ex, { params }) => {
    const pr = s.pulls.get(Number(params.issue_number));
    const issue = s.issues.get(Number(params.issue_number));
    if (!pr && !issue) return notFound();
    return (pr?.comments ?? issue.comments ?? []).map((c) => ({
      ...ex[0],
      id: c.id,
      body: c.body,
      user: { ...ex[0].user, ...user(c.user, c.type) },
      ...(c.createdAt ? { created_at: c.createdAt, updated_at: c.createdAt } : {}),
    }));
  },
  'issues/list-events': (s, ex, { params }) => {
    const issue = s.issues.get(Number(params.issue_number));
    if (!issue && !s.pulls.has(Number(params.issue_number))) return notFound();
    const { assignee: _a, assigner: _b, label: _l, ...base } = ex[0];
    return (issue?.events ?? []).map((e, i) => ({
      ...base,
      id: i + 1,
      event: e.event,
      created_at: e.createdAt,
      actor: { ...ex[0].actor, ...user(e.actor, e.actorType) },
      ...(e.event === 'assigned'
        ? { assignee: { ...ex[0].actor, ...user(e.assignee, 'Bot') }, assigner: { ...ex[0].actor, ...user(e.actor, e.actorType) } }
        : {}),
    }));
  },
  'issues/create-comment': (s, ex, { params, body }) => {
    const pr = s.pulls.get(Number(params.issue_number));
    if (!pr) return notFound();
    const comment = { id: s.nextId++, user: APP_LOGIN, type: 'Bot', body: body.body };
    pr.comments.push(comment);
    return new HttpAnswer(201, { ...ex, id: comment.id, body: comment.body, user: { ...ex.user, ...user(APP_LOGIN, 'Bot') } });
  },
  'issues/update-comment': (s, ex, { params, body }) => {
    const comment = [...s.pulls.values()].flatMap((p) => p.comments).find((c) => c.id === Number(params.comment_id));
    if (!comment) return notFound();
    if (comment.user !== APP_LOGIN) return new HttpAnswer(403, { message: 'Resource not accessible by integration' });
    comment.body = body.body;
    return { ...ex, id: comment.id, body: comment.body, user: { ...ex.user, ...user(APP_LOGIN, 'Bot') } };
  },
  'issues/add-labels': (s, ex, { params, body }) => {
    const pr = s.pulls.get(Number(params.issue_number));
    if (!pr) return notFound();
    for (const name of body.labels ?? []) if (!pr.labels.includes(name)) pr.labels.push(name);
    return pr.labels.map((name, i) => ({ ...ex[0], id: i + 1, name }));
  },
  'pulls/list-requested-reviewers': (s, ex, { params }) => {
    const pr = s.pulls.get(Number(params.pull_number));
    if (!pr) return notFound();
    return {
      users: [...pr.requestedReviewers].map((login) => ({ ...ex.users[0], ...user(login) })),
      teams: [...pr.requestedTeams].map((slug) => ({ ...ex.teams[0], slug, name: slug })),
    };
  },
  'issues/get': (s, ex, { params }) => {
    const issue = s.issues.get(Number(params.issue_number));
    if (!issue) return notFound();
    return { ...ex, number: Number(params.issue_number), labels: issue.labels.map((name, i) => ({ ...ex.labels[0], id: i + 1, name })) };
  },
  'pulls/request-reviewers': (s, ex, { params, body }) => {
    const pr = s.pulls.get(Number(params.pull_number));
    if (!pr) return notFound();
    const asked = [...(body.reviewers ?? []), ...(body.team_reviewers ?? [])];
    if (asked.some((who) => s.outsiders.has(who))) {
      return new HttpAnswer(422, {
        message: `Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the ${s.owner}/${s.repo} repository.`,
        documentation_url: 'https://docs.github.com/rest/pulls/review-requests#request-reviewers-for-a-pull-request',
      });
    }
    for (const login of body.reviewers ?? []) pr.requestedReviewers.add(login);
    for (const slug of body.team_reviewers ?? []) pr.requestedTeams.add(slug);
    return new HttpAnswer(201, ex);
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
  'checks/create': (s, ex, { params, body }) => {
    const run = {
      id: s.nextId++,
      repo: `${params.owner}/${params.repo}`,
      name: body.name,
      head_sha: body.head_sha,
      external_id: body.external_id ?? null,
      status: body.status ?? 'queued',
      conclusion: body.conclusion ?? null,
      output: body.output ?? {},
      actions: body.actions ?? [],
    };
    s.checkRuns.set(run.id, run);
    return new HttpAnswer(201, checkRunAnswer(s, ex, run));
  },
  'checks/update': (s, ex, { params, body }) => {
    const run = s.checkRuns.get(Number(params.check_run_id));
    if (!run) return notFound();
    for (const key of ['name', 'external_id', 'status', 'conclusion', 'output', 'actions']) {
      if (body[key] !== undefined) run[key] = body[key];
    }
    if (body.status && body.status !== 'completed') run.conclusion = null;
    return checkRunAnswer(s, ex, run);
  },
  'checks/list-for-ref': (s, ex, { params, query }) => {
    const runs = [...s.checkRuns.values()].filter(
      (r) =>
        r.repo === `${params.owner}/${params.repo}` &&
        r.head_sha === params.ref &&
        (!query.check_name || r.name === query.check_name) &&
        (!query.app_id || Number(query.app_id) === s.appId),
    );
    const perPage = Number(query.per_page ?? 30);
    const page = Number(query.page ?? 1);
    const shown = runs.slice((page - 1) * perPage, page * perPage);
    return { total_count: runs.length, check_runs: shown.map((r) => checkRunAnswer(s, ex.check_runs[0], r)) };
  },
  // Newest first, `status` filtered, cursor-paginated with a `link` header, as GitHub lists an App's deliveries.
  'apps/list-webhook-deliveries': (s, ex, { query }) => {
    const perPage = Number(query.per_page ?? 30);
    const ok = (d) => d.status_code >= 200 && d.status_code < 400;
    const all = [...s.deliveries]
      .reverse()
      .filter((d) => !query.status || (query.status === 'success') === ok(d))
      .filter((d) => !query.cursor || d.id < Number(query.cursor));
    const page = all.slice(0, perPage);
    const more = all.length > perPage;
    const headers = more
      ? {
          link: `<${s.apiUrl ?? ''}/app/hook/deliveries?per_page=${perPage}&cursor=${page.at(-1).id}${query.status ? `&status=${query.status}` : ''}>; rel="next"`,
        }
      : {};
    return new HttpAnswer(
      200,
      page.map((d) => ({ ...ex[0], ...d })),
      headers,
    );
  },
  'repos/create-attestation': (s, _ex, { body, params }) => {
    const id = s.nextId++;
    s.attestations.push({ id, bundle: body.bundle, digests: subjectDigests(body.bundle), repo: `${params.owner}/${params.repo}` });
    return new HttpAnswer(201, { id });
  },
  'repos/list-attestations': (s, _ex, request) =>
    attestationPage(s, request, (a) => !a.repo || same(a.repo, `${request.params.owner}/${request.params.repo}`)),
  'orgs/list-attestations': (s, _ex, request) =>
    attestationPage(s, request, (a) => Boolean(a.repo) && same(a.repo.split('/')[0], request.params.org)),
  'repos/get-release-by-tag': (s, ex, { params }) => {
    const release = s.releases.get(`${params.owner}/${params.repo}@${params.tag}`);
    if (!release) return notFound();
    const asset = ex.assets?.[0] ?? {};
    return {
      ...ex,
      id: release.id,
      tag_name: params.tag,
      immutable: release.immutable ?? true,
      assets: release.assets.map((a, i) => ({ ...asset, id: release.id * 100 + i, name: a.name, digest: a.digest ?? null })),
    };
  },
  'git/get-ref': (s, ex, { params }) => {
    const sha = s.refs.get(`${params.owner}/${params.repo}@${params.ref}`);
    if (!sha) return notFound();
    return { ...ex, ref: `refs/${params.ref}`, object: { ...ex.object, sha, type: 'commit' } };
  },
};

const same = (a, b) => a.toLowerCase() === b.toLowerCase();

// GitHub's short predicate filters; anything else is compared with the statement's predicate type as written.
const PREDICATE_FILTERS = {
  provenance: 'https://slsa.dev/provenance/',
  sbom: 'https://spdx.dev/Document',
  release: 'https://in-toto.io/attestation/release/',
};

/**
 * One page of attestations for a digest, as GitHub pages them: `per_page` (at most 100) and an opaque `after` cursor
 * carried by the `Link: rel="next"` header; an optional `predicate_type` filter; 404 when there is none.
 */
function attestationPage(s, { params, query, url }, inScope) {
  const wanted = query.predicate_type;
  const found = s.attestations.filter(
    (a) =>
      a.digests.includes(params.subject_digest) &&
      inScope(a) &&
      (wanted === undefined ||
        (PREDICATE_FILTERS[wanted] ? predicateOf(a.bundle).startsWith(PREDICATE_FILTERS[wanted]) : predicateOf(a.bundle) === wanted)),
  );
  if (found.length === 0) return notFound();
  const perPage = Math.min(100, Number(query.per_page ?? 30), s.attestationPageSize);
  const start = query.after === undefined ? 0 : Number(/^c(\d+)$/.exec(query.after)?.[1] ?? Number.NaN);
  if (!Number.isInteger(start)) return new HttpAnswer(400, { message: 'Bad cursor' });
  const page = found.slice(start, start + perPage);
  const headers = {};
  if (start + perPage < found.length) {
    const next = new URL(url);
    next.searchParams.set('after', `c${start + perPage}`);
    headers.link = `<${next}>; rel="next"`;
  }
  const body = {
    attestations: page.map((a) => ({
      bundle: a.bundle,
      repository_id: 1,
      bundle_url: `https://example.invalid/${a.id}`,
      initiator: 'user',
    })),
  };
  return new HttpAnswer(200, body, headers);
}

/** The App's login on GitHub, as its comments carry it. */
export const APP_LOGIN = 'trustgate[bot]';

function checkRunAnswer(s, ex, run) {
  return {
    ...ex,
    id: run.id,
    name: run.name,
    head_sha: run.head_sha,
    external_id: run.external_id,
    status: run.status,
    conclusion: run.conclusion,
    output: { ...ex.output, title: run.output.title ?? null, summary: run.output.summary ?? null, text: null },
    app: { ...ex.app, id: s.appId, slug: 'trustgate' },
  };
}

/**
 * What GitHub shows of the App's effects, in an order-free form two runs can be compared by: every check run (by
 * head commit and name, with how many exist), the labels, the requested reviewers and the App's comments.
 */
export function githubEffects(state) {
  const runs = new Map();
  for (const r of state.checkRuns.values()) {
    const key = `${r.head_sha.slice(-6)} ${r.name}`;
    const seen = runs.get(key);
    runs.set(key, { count: (seen?.count ?? 0) + 1, status: r.status, conclusion: r.conclusion, title: r.output.title ?? null });
  }
  const pulls = {};
  for (const pr of [...state.pulls.values()].sort((a, b) => a.number - b.number)) {
    pulls[pr.number] = {
      labels: [...pr.labels].sort(),
      reviewers: [...pr.requestedReviewers].sort(),
      teams: [...pr.requestedTeams].sort(),
      comments: pr.comments.filter((c) => c.user === APP_LOGIN).map((c) => c.body),
    };
  }
  return { checkRuns: Object.fromEntries([...runs.entries()].sort(([a], [b]) => a.localeCompare(b))), pulls };
}

function statementOf(bundle) {
  try {
    return JSON.parse(Buffer.from(bundle?.dsseEnvelope?.payload ?? '', 'base64').toString('utf8'));
  } catch {
    return {};
  }
}

// The digests an attestation is for: its DSSE payload's in-toto subjects (GitHub indexes bundles by them).
function subjectDigests(bundle) {
  return (statementOf(bundle).subject ?? []).flatMap((x) => Object.entries(x.digest ?? {}).map(([alg, hex]) => `${alg}:${hex}`));
}

function predicateOf(bundle) {
  return String(statementOf(bundle).predicateType ?? '');
}

/** Operations whose answers are checked against the description too (what the verify commands and the backfill read). */
const RESPONSE_CHECKED = new Set([
  'repos/list-attestations',
  'orgs/list-attestations',
  'repos/get-release-by-tag',
  'git/get-ref',
  'pulls/list-review-comments',
]);

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
    // What the verify commands read is checked strictly: a query parameter GitHub does not define is an error.
    const errors = validateRequest(route, params, query, body, { strictQuery: RESPONSE_CHECKED.has(operationId) });
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
    state.served++;
    const limit = state.limits.get(state.served);
    // A refused request is asked again by the client: tests counting reads leave the refusals out.
    if (limit) record.refused = limit;
    if (limit === 'primary') {
      const reset = String(Math.ceil(Date.now() / 1000) + 30);
      return new HttpAnswer(403, { message: 'API rate limit exceeded' }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset });
    }
    if (limit === 'secondary') return new HttpAnswer(429, { message: 'You have exceeded a secondary rate limit.' }, { 'retry-after': '7' });
    if (limit === 'message')
      return new HttpAnswer(403, { message: 'You have exceeded a secondary rate limit. Please wait a few minutes.' });
    const failure = state.failures.get(operationId);
    if (failure) return new HttpAnswer(failure, { message: 'Server Error' });
    if (state.badTokens.has(auth.replace(/^(token|bearer) /i, ''))) {
      return new HttpAnswer(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
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
    const out = custom
      ? custom(state, example.body, { params, query, body, url: `http://${req.headers.host}${url.pathname}${url.search}` })
      : example.body;
    if (RESPONSE_CHECKED.has(operationId)) {
      const answer = out instanceof HttpAnswer ? out : new HttpAnswer(example.status, out);
      const problems = answer.status === 404 ? [] : validateResponse(route, answer.status, answer.body);
      if (problems.length) invalid.push({ ...record, errors: problems.map((p) => `response ${p}`) });
    }
    if (out instanceof HttpAnswer) return out;
    const page = paged(out, query, `http://${req.headers.host}${url.pathname}${url.search}`);
    return page instanceof HttpAnswer ? page : new HttpAnswer(example.status, out);
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
