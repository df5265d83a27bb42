// Webhook payloads from @octokit/webhooks-examples, re-pointed at the scenario's repository and pull request.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const examples = require('@octokit/webhooks-examples/api.github.com/index.json');

/** A community example payload of `event` with `action`, deep-copied. */
export function examplePayload(event, action) {
  const group = examples.find((e) => e.name === event);
  const example = group?.examples.find((x) => x.action === action) ?? group?.examples[0];
  if (!example) throw new Error(`no @octokit/webhooks-examples payload for ${event}.${action}`);
  return structuredClone(example);
}

function retarget(payload, state, installationId) {
  payload.repository = {
    ...payload.repository,
    name: state.repo,
    full_name: `${state.owner}/${state.repo}`,
    owner: { ...payload.repository.owner, login: state.owner },
    default_branch: 'main',
  };
  payload.installation = { id: installationId, node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMQ==' };
  return payload;
}

function prFields(base, pr) {
  return {
    ...base,
    number: pr.number,
    title: pr.title,
    body: pr.body,
    user: { ...base.user, login: pr.author, type: pr.authorType },
    labels: pr.labels.map((name, i) => ({ ...(base.labels?.[0] ?? {}), id: i + 1, name })),
    assignees: (pr.assignees ?? []).map((login) => ({ ...base.user, login, type: 'User' })),
    assignee: pr.assignees?.length ? { ...base.user, login: pr.assignees[0], type: 'User' } : null,
    head: { ...base.head, ref: pr.headRef, sha: pr.headSha },
    base: { ...base.base, ref: pr.baseRef },
    created_at: pr.createdAt ?? base.created_at,
  };
}

export function pullRequestEvent(state, pr, action = 'synchronize', installationId = 1) {
  const payload = examplePayload('pull_request', action);
  payload.action = action;
  payload.number = pr.number;
  payload.pull_request = prFields(payload.pull_request, pr);
  return retarget(payload, state, installationId);
}

export function pullRequestReviewEvent(state, pr, review, installationId = 1) {
  const payload = examplePayload('pull_request_review', 'submitted');
  payload.pull_request = prFields(payload.pull_request, pr);
  payload.review = {
    ...payload.review,
    user: { ...payload.review.user, login: review.user },
    state: review.state.toLowerCase(),
    commit_id: review.commitId,
  };
  return retarget(payload, state, installationId);
}

/** A review comment on the diff, created: `{ id, user, userType, reviewId, commitId, createdAt }`. */
export function pullRequestReviewCommentEvent(state, pr, comment, installationId = 1) {
  const payload = examplePayload('pull_request_review_comment', 'created');
  payload.action = 'created';
  payload.pull_request = prFields(payload.pull_request, pr);
  payload.comment = {
    ...payload.comment,
    id: comment.id,
    user: { ...payload.comment.user, login: comment.user, type: comment.userType },
    pull_request_review_id: comment.reviewId,
    commit_id: comment.commitId,
    original_commit_id: comment.commitId,
    created_at: comment.createdAt,
    updated_at: comment.createdAt,
  };
  return retarget(payload, state, installationId);
}

export function checkSuiteCompletedEvent(state, { id, headSha, conclusion = 'success' }, installationId = 1) {
  const payload = examplePayload('check_suite', 'completed');
  payload.check_suite = { ...payload.check_suite, id, head_sha: headSha, status: 'completed', conclusion };
  return retarget(payload, state, installationId);
}

/** A push of `commits` (oldest first, `{ sha, message }`) to `ref` (default: the default branch). */
export function pushEvent(state, { before, commits, ref = 'refs/heads/main' }, installationId = 1) {
  const payload = examplePayload('push');
  const last = commits[commits.length - 1];
  const pushed = commits.map((c) => ({ ...(payload.head_commit ?? {}), id: c.sha, tree_id: c.sha, message: c.message }));
  Object.assign(payload, { ref, before, after: last.sha, created: false, deleted: false, forced: false, base_ref: null });
  payload.commits = pushed;
  payload.head_commit = pushed[pushed.length - 1];
  return retarget(payload, state, installationId);
}

export function checkRunRequestedAction(state, pr, sender, installationId = 1) {
  const payload = examplePayload('check_run', 'requested_action');
  payload.check_run = { ...payload.check_run, pull_requests: [{ ...(payload.check_run.pull_requests?.[0] ?? {}), number: pr.number }] };
  payload.requested_action = { identifier: 'override' };
  payload.sender = { ...payload.sender, login: sender };
  return retarget(payload, state, installationId);
}

export function mergeGroupEvent(state, pr, groupSha, installationId = 1) {
  const payload = examplePayload('merge_group', 'checks_requested');
  payload.merge_group = {
    ...payload.merge_group,
    head_sha: groupSha,
    head_ref: `refs/heads/gh-readonly-queue/main/pr-${pr.number}-${pr.headSha}`,
  };
  return retarget(payload, state, installationId);
}

/** GitHub publishes no community example of this event; fields follow its webhook documentation. */
export function deploymentProtectionRuleEvent(state, { environment, sha, digest, runId = 4242 }, installationId = 1) {
  const base = examplePayload('deployment', 'created');
  return retarget(
    {
      action: 'requested',
      environment,
      event: 'push',
      deployment_callback_url: `https://api.github.com/repos/${state.owner}/${state.repo}/actions/runs/${runId}/deployment_protection_rule`,
      deployment: { ...base.deployment, sha, environment, payload: digest ? { digest } : {} },
      repository: base.repository,
      sender: base.sender,
    },
    state,
    installationId,
  );
}
