// The manifest grants exactly what the App's GitHub calls and events need. @octokit/openapi carries no permission
// metadata, so the requirements are a table checked here, from GitHub's "Permissions required for GitHub Apps" and
// each webhook event's "availability" note; every call the sources make must be in it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { Octokit } from '@octokit/rest';
import { parse } from 'yaml';
import { matchRoute } from '../../../test/support/github-openapi.mjs';

type Level = 'read' | 'write';
/** Any one of the alternatives suffices; `app` is a call made with the App's JWT, which needs no installation permission. */
type Need = Record<string, Level>[] | 'app';

const ROUTES: Record<string, Need> = {
  'GET /app/hook/deliveries': 'app',
  'POST /app/hook/deliveries/{delivery_id}/attempts': 'app',
  'POST /repos/{owner}/{repo}/actions/runs/{run_id}/deployment_protection_rule': [{ deployments: 'write' }],
  'POST /repos/{owner}/{repo}/check-runs': [{ checks: 'write' }],
  'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}': [{ checks: 'write' }],
  'GET /repos/{owner}/{repo}/commits/{ref}/check-runs': [{ checks: 'read' }],
  'POST /repos/{owner}/{repo}/issues/{issue_number}/labels': [{ issues: 'write' }, { pull_requests: 'write' }],
  'POST /repos/{owner}/{repo}/issues/{issue_number}/comments': [{ issues: 'write' }, { pull_requests: 'write' }],
  'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}': [{ issues: 'write' }, { pull_requests: 'write' }],
  'GET /repos/{owner}/{repo}/issues/{issue_number}/comments': [{ issues: 'read' }, { pull_requests: 'read' }],
  'GET /repos/{owner}/{repo}/issues/{issue_number}/events': [{ issues: 'read' }, { pull_requests: 'read' }],
  // Read for the labels of an issue a pull request closes: an issue, so only the issues permission reads it.
  'GET /repos/{owner}/{repo}/issues/{issue_number}': [{ issues: 'read' }],
  'GET /repos/{owner}/{repo}/pulls/{pull_number}': [{ pull_requests: 'read' }],
  'GET /repos/{owner}/{repo}/pulls/{pull_number}/commits': [{ pull_requests: 'read' }],
  'GET /repos/{owner}/{repo}/pulls/{pull_number}/files': [{ pull_requests: 'read' }],
  'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews': [{ pull_requests: 'read' }],
  'GET /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers': [{ pull_requests: 'read' }],
  'POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers': [{ pull_requests: 'write' }],
  'GET /repos/{owner}/{repo}/compare/{basehead}': [{ contents: 'read' }],
  'GET /repos/{owner}/{repo}/commits/{ref}': [{ contents: 'read' }],
  'GET /repos/{owner}/{repo}/contents/{path}': [{ contents: 'read' }],
  'GET /orgs/{org}/teams/{team_slug}/memberships/{username}': [{ members: 'read' }],
  'GET /repos/{owner}/{repo}/attestations/{subject_digest}': [{ attestations: 'read' }],
  // The organization's listing (verify-attestation --owner) shares the gate's reader; GitHub asks attestations: read.
  'GET /orgs/{org}/attestations/{subject_digest}': [{ attestations: 'read' }],
  // A release and its tag's ref, read by the release-asset verifier beside the attestations.
  'GET /repos/{owner}/{repo}/releases/tags/{tag}': [{ contents: 'read' }],
  'GET /repos/{owner}/{repo}/git/ref/{ref}': [{ contents: 'read' }],
};

/** What subscribing to each event requires (GitHub refuses the subscription without it). */
const EVENTS: Record<string, Record<string, Level>> = {
  pull_request: { pull_requests: 'read' },
  pull_request_review: { pull_requests: 'read' },
  pull_request_review_comment: { pull_requests: 'read' },
  issue_comment: { issues: 'read' },
  check_run: { checks: 'read' },
  check_suite: { checks: 'read' },
  push: { contents: 'read' },
  merge_group: { merge_queues: 'read' },
  deployment_protection_rule: { deployments: 'read' },
};

const ROOT = resolve(import.meta.dirname, '../../..');
/** The sources whose GitHub calls run as the App: its own, and the engines it calls with its client. */
const SOURCES = ['app/src', 'packages/gate/src/evidence', 'packages/attribution/src'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Every GitHub route the sources call: Octokit methods (`rest.<scope>.<method>`) and literal `request` routes. */
function calledRoutes(): Map<string, string[]> {
  const octokit = new Octokit() as unknown as {
    rest: Record<string, Record<string, { endpoint: { DEFAULTS: { method: string; url: string } } }>>;
  };
  const routes = new Map<string, string[]>();
  const add = (route: string, where: string) => routes.set(route, [...(routes.get(route) ?? []), where]);
  for (const file of SOURCES.flatMap((d) => files(join(ROOT, d)))) {
    const text = readFileSync(file, 'utf8');
    const where = file.slice(ROOT.length + 1);
    for (const [, scope, method] of text.matchAll(/\brest\.([a-zA-Z]+)\.([a-zA-Z]+)\b/g)) {
      const endpoint = octokit.rest[scope as string]?.[method as string]?.endpoint.DEFAULTS;
      if (!endpoint) throw new Error(`${where}: rest.${scope}.${method} is no Octokit method`);
      add(`${endpoint.method} ${endpoint.url}`, where);
    }
    for (const [, route] of text.matchAll(/'((?:GET|POST|PATCH|PUT|DELETE) \/[^']+)'/g)) add(route as string, where);
  }
  return routes;
}

const manifest = parse(readFileSync(join(ROOT, 'app/app.yml'), 'utf8')) as {
  default_permissions: Record<string, Level>;
  default_events: string[];
};
const grants = (perms: Record<string, Level>, need: Record<string, Level>) =>
  Object.entries(need).every(([p, level]) => perms[p] === 'write' || perms[p] === level);
const satisfied = (perms: Record<string, Level>, need: Need) => need === 'app' || need.some((alt) => grants(perms, alt));

describe('app/app.yml permissions', () => {
  const called = calledRoutes();

  test('every GitHub call in the sources is a route of GitHub’s description with a known requirement', () => {
    expect(called.size).toBeGreaterThan(15);
    for (const route of called.keys()) {
      const [method, path] = route.split(' ') as [string, string];
      expect([route, matchRoute(method, path.replace(/\{[^}]+\}/g, 'x')) !== undefined]).toEqual([route, true]);
      expect([route, route in ROUTES]).toEqual([route, true]);
    }
  });

  test('grants what every call and every subscribed event needs', () => {
    const perms = manifest.default_permissions;
    for (const [route, where] of called) expect([route, where, satisfied(perms, ROUTES[route] as Need)]).toEqual([route, where, true]);
    for (const event of manifest.default_events)
      expect([event, grants(perms, EVENTS[event] ?? { unknown: 'write' })]).toEqual([event, true]);
  });

  test('grants nothing more: lowering any permission leaves a call or an event without what it needs', () => {
    const perms = manifest.default_permissions;
    for (const [name, level] of Object.entries(perms)) {
      if (name === 'metadata') continue;
      const lowered = { ...perms };
      if (level === 'write') lowered[name] = 'read';
      else delete lowered[name];
      const broken = [
        ...[...called.keys()].filter((route) => !satisfied(lowered, ROUTES[route] as Need)),
        ...manifest.default_events.filter((event) => !grants(lowered, EVENTS[event] ?? {})),
      ];
      expect([name, broken.length > 0]).toEqual([name, true]);
    }
  });

  test('merge_group is subscribed with merge_queues: read, and the App never writes to issues', () => {
    expect(manifest.default_events).toContain('merge_group');
    expect(manifest.default_permissions.merge_queues).toBe('read');
    expect(manifest.default_permissions.issues).toBe('read');
  });
});
