import { createHash } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildStatement, PREDICATE_TYPES, type Statement } from '@trustgate/core';
import { GATE_PREDICATE_TYPES } from '@trustgate/gate';
import { runCli } from '../support/cli.js';
import { createLocalSigstore, type GitHubClaims, type LocalSigstore, type SignOptions } from '../support/sigstore-signer.js';

/**
 * The hostile signer's world: two local Sigstore instances whose every certificate, log entry and timestamp the
 * attacker writes (private CA, transparency log, RFC 3161 TSA; see test/support/private-ca.ts), a policy for the
 * gate, and helpers that write what the attacker hands over as files for the CLI.
 */

export const ISSUER = 'https://token.actions.githubusercontent.com';
export const SUBJECT = createHash('sha256').update('acme/ml model v1').digest('hex');
export const DAY = 86_400_000;
export const workflow = (repo: string, file: string, ref = 'refs/heads/main') =>
  `https://github.com/${repo}/.github/workflows/${file}@${ref}`;
export const BUILD = workflow('acme/ml', 'build.yml');
export const EVIDENCE = workflow('acme/ml', 'evidence.yml');

const EVIDENCE_SIGNER = `
        - identityRegexp: 'https://github\\.com/acme/ml/\\.github/workflows/evidence\\.yml@refs/heads/main'
          issuer: ${ISSUER}
          sourceRepository: acme/ml`;

export const POLICY = `version: 1
promotion:
  environments:
    fresh:
      requires: { tests: true }
      maxEvidenceAgeDays: 30
      evidenceSigners:${EVIDENCE_SIGNER}
    build:
      requires:
        provenance: { workflows: [acme/ml/.github/workflows/build.yml] }
    build-by-id:
      requires:
        provenance: { workflows: [acme/ml/.github/workflows/build.yml], sourceRepositoryId: '4242' }
    build-self-hosted:
      requires:
        provenance: { workflows: [acme/ml/.github/workflows/build.yml], selfHostedRunners: true }
    shared-builder:
      requires:
        provenance: { workflows: [acme/shared/.github/workflows/build.yml], sourceRepository: acme/ml }
`;

/** GitHub claims as Fulcio writes them for `san` running in `repo` (a reusable workflow: san in another repo). */
export function claims(san: string, repo = 'acme/ml', extra: Partial<GitHubClaims> = {}): GitHubClaims {
  return {
    buildSignerUri: san,
    runnerEnvironment: 'github-hosted',
    sourceRepositoryUri: `https://github.com/${repo}`,
    sourceRepositoryRef: 'refs/heads/main',
    sourceRepositoryOwnerUri: `https://github.com/${repo.split('/')[0]}`,
    sourceRepositoryIdentifier: '4242',
    ...extra,
  };
}

export const statements = {
  tests: (predicate: Record<string, unknown> = {}) =>
    buildStatement([{ name: 'model', digest: { sha256: SUBJECT } }], GATE_PREDICATE_TYPES.testResult, {
      result: 'passed',
      failed: 0,
      ...predicate,
    }),
  provenance: () =>
    buildStatement([{ name: 'model', digest: { sha256: SUBJECT } }], PREDICATE_TYPES.slsaProvenance, { buildDefinition: {} }),
  of: (predicateType: string) => buildStatement([{ name: 'model', digest: { sha256: SUBJECT } }], predicateType, { any: 'thing' }),
};

export interface World {
  dir: string;
  /** trusted_root.json of the instance with a log, a TSA and the private CA. */
  root: string;
  /** trusted_root.json of an instance with no log (GitHub's private-repository shape): time only from its TSA. */
  tsaOnlyRoot: string;
  policy: string;
  logged: LocalSigstore;
  tsaOnly: LocalSigstore;
  /** Write `content` (JSON unless a string) under the world's directory. */
  file(name: string, content: unknown): Promise<string>;
  /** Sign an attestation as `san` (private CA leaf, `{}` shape unless given) and write its bundle. */
  attest(name: string, statement: unknown, options: Partial<SignOptions> & { san?: string; instance?: LocalSigstore }): Promise<string>;
  /** `trustgate gate` over the files; `{ tsaOnly: true }` first judges them against the TSA-only root. */
  gate(environment: string, ...evidence: (string | { tsaOnly: true })[]): Promise<GateRun>;
  cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string; json?: Record<string, unknown> }>;
}

export interface GateRun {
  code: number;
  stderr: string;
  decision?: {
    decision: string;
    requirements: { id: string; status: string; reason: string }[];
    evidence: { counted: { origin: string }[]; ignored: { origin: string; kind: string; reason: string }[] };
  };
  statement?: Statement<{ inputAttestations: { uri: string }[]; verifiedLevels: string[] }>;
}

export async function createWorld(): Promise<World> {
  const dir = await mkdtemp(join(tmpdir(), 'trustgate-hostile-'));
  const logged = await createLocalSigstore({ certificateTransparency: false, timestampAuthority: true });
  const tsaOnly = await createLocalSigstore({ certificateTransparency: false, transparencyLog: false, timestampAuthority: true });
  const file = async (name: string, content: unknown) => {
    const path = join(dir, name);
    await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };
  const root = await file('trusted_root.json', logged.trustedRoot);
  const tsaOnlyRoot = await file('trusted_root.tsa-only.json', tsaOnly.trustedRoot);
  const policy = await file('trustgate.yml', POLICY);
  let runs = 0;
  const world: World = {
    dir,
    root,
    tsaOnlyRoot,
    policy,
    logged,
    tsaOnly,
    file,
    async attest(name, statement, options) {
      const san = options.san ?? EVIDENCE;
      const bundle = await (options.instance ?? logged).signAttestation(statement, {
        identity: san,
        issuer: ISSUER,
        github: claims(san),
        certificate: {},
        ...options,
      });
      return file(name, bundle);
    },
    async gate(environment, ...evidence) {
      const out = join(dir, `decision-${++runs}.intoto.json`);
      const trusted = evidence.some((e) => typeof e !== 'string') ? tsaOnlyRoot : root;
      const files = evidence.filter((e): e is string => typeof e === 'string');
      const r = await runCli([
        'gate',
        '--policy',
        policy,
        '--environment',
        environment,
        '--subject',
        `sha256:${SUBJECT}`,
        '--trusted-root',
        trusted,
        '--format',
        'json',
        '--statement',
        out,
        '--evidence',
        ...files,
      ]);
      const run: GateRun = { code: r.code, stderr: r.stderr };
      if (r.stdout.trim() !== '') run.decision = JSON.parse(r.stdout);
      if (r.code !== 2) run.statement = JSON.parse(await readFile(out, 'utf8'));
      return run;
    },
    async cli(argv) {
      const r = await runCli([...argv, '--format', 'json']);
      return { ...r, ...(r.stdout.trim().startsWith('{') ? { json: JSON.parse(r.stdout) } : {}) };
    },
  };
  return world;
}

/** The requirement of a decision, by id. */
export function requirement(run: GateRun, id: string): { status: string; reason: string } | undefined {
  return run.decision?.requirements.find((r) => r.id === id);
}
