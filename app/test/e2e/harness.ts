import { generateKeyPairSync } from 'node:crypto';
import { type AppSettings, type Engines, type RunningApp, startServer } from '@trustgate/app';
import type { Store } from '@trustgate/metrics';
// @ts-expect-error plain ESM test double without type declarations
import { addPull, createState, startMockGitHub } from '../mock-github/server.mjs';

export const SECRET = 'e2e-webhook-secret';
export const { privateKey: PRIVATE_KEY } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});

export interface MockGitHub {
  url: string;
  state: MockState;
  requests: { operationId: string; body?: Record<string, unknown>; errors: string[] }[];
  invalid: unknown[];
  deliver(
    event: string,
    payload: object,
    options?: { guid?: string; secret?: string; forged?: boolean; target?: () => string },
  ): Promise<{ status: number; text: string; guid: string }>;
  calls(operationId: string): { body: Record<string, unknown>; params: Record<string, string> }[];
  close(): Promise<void>;
}

export interface MockState {
  owner: string;
  repo: string;
  files: Map<string, string>;
  teams: Map<string, Set<string>>;
  compare: Map<string, object>;
  /** sha -> `GET /commits/{sha}` answer: parents, message, committer date, files as GitHub sends them */
  commits: Map<string, { parents: string[]; message: string; date: string; files: Record<string, unknown>[] }>;
  /** issue number -> its labels (`GET /issues/{n}`), events and comments (their listings) */
  issues: Map<
    number,
    {
      labels: string[];
      events?: { event: string; actor: string; actorType?: string; assignee?: string; createdAt: string }[];
      comments?: { id: number; user: string; type?: string; body: string; createdAt: string }[];
    }
  >;
  /** users and team slugs GitHub refuses as reviewers (not collaborators) */
  outsiders: Set<string>;
  refuse: Map<string, number>;
  /** operationId -> the status every request to it is answered with */
  failures: Map<string, number>;
  stall: Map<string, Promise<void>>;
  deliveries: { id: number; guid: string; status_code: number; redelivery: boolean }[];
  /** The pull requests, with what the App did to them (labels added, reviewers requested, its comments). */
  pulls: Map<number, MockPull>;
  /** Check runs by id, as the App created and updated them. */
  checkRuns: Map<number, { name: string; head_sha: string; status: string; conclusion: string | null; output: { title?: string } }>;
}

export interface MockPull {
  number: number;
  labels: string[];
  requestedReviewers: Set<string>;
  requestedTeams: Set<string>;
  comments: { id: number; user: string; type: string; body: string }[];
}

export interface Harness {
  github: MockGitHub;
  app: RunningApp;
  /** Send a delivery and return GitHub's answer without waiting for the App to process it. */
  send: MockGitHub['deliver'];
  close(): Promise<void>;
}

/** The real App server against a fresh mock GitHub. */
export async function startHarness(
  options: { engines?: Engines; store?: Store; databaseUrl?: string; dashboardToken?: string; settings?: Partial<AppSettings> } = {},
): Promise<Harness> {
  let appUrl = '';
  const github: MockGitHub = await startMockGitHub({ state: createState(), webhookSecret: SECRET, appUrl: () => appUrl });
  const app = await startServer(
    {
      appId: '12345',
      privateKey: PRIVATE_KEY,
      webhookSecret: SECRET,
      baseUrl: github.url,
      port: 0,
      host: '127.0.0.1',
      reconcileIntervalMs: 0,
      logLevel: 'fatal',
      ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
      ...(options.dashboardToken ? { dashboardToken: options.dashboardToken } : {}),
      ...options.settings,
    },
    { ...(options.engines ? { engines: options.engines } : {}), ...(options.store ? { store: options.store } : {}) },
  );
  appUrl = app.url;
  // The App answers once a delivery is claimed and processes it afterwards: wait for that, so assertions see what
  // the App did.
  const send = github.deliver.bind(github);
  github.deliver = async (event, payload, opts) => {
    const res = await send(event, payload, opts);
    await app.idle();
    return res;
  };
  return {
    github,
    app,
    send,
    async close() {
      await app.close();
      await github.close();
    },
  };
}

/** A second App replica on the same PostgreSQL and the same mock GitHub as the harness's (closed by the caller). */
export function startReplica(h: Harness, databaseUrl: string, settings: Partial<AppSettings> = {}): Promise<RunningApp> {
  return startServer({
    appId: '12345',
    privateKey: PRIVATE_KEY,
    webhookSecret: SECRET,
    baseUrl: h.github.url,
    port: 0,
    host: '127.0.0.1',
    reconcileIntervalMs: 0,
    logLevel: 'fatal',
    databaseUrl,
    ...settings,
  });
}

export const POLICY = `version: 1
review:
  rules:
    - name: service architecture
      paths: ["src/**"]
      teams: ["octo-org/architects"]
      count: 1
  overrideTeams: ["octo-org/security"]
guardrails:
  agentPrsPerDay: 2
  allowedHosts: ["github.com", "example.com"]
`;

export function sha(n: number): string {
  return n.toString(16).padStart(40, 'a');
}

/** An agent-written pull request (ai:agent label, started by alice) in the mock's repository. */
export function agentPr(github: MockGitHub, number: number, extra: Record<string, unknown> = {}) {
  return addPull(github.state, {
    number,
    headSha: sha(number),
    author: 'copilot-swe-agent',
    authorType: 'Bot',
    labels: ['ai:agent'],
    assignees: ['alice'],
    files: ['src/api/routes.ts', 'README.md'],
    ...extra,
  });
}
