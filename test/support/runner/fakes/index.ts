import { execFileSync } from 'node:child_process';
import { createHash, randomInt } from 'node:crypto';
import { existsSync, globSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { sarifValidator } from '../../sarif-schema.js';
import type { LocalSigstore } from '../../sigstore-signer.js';

export type Permissions = Record<string, 'read' | 'write' | 'none'>;

export interface RecordedAction {
  version: string;
  sha: string;
  shaSource: string;
  declarationSource: string;
  inputs: Record<string, { required?: boolean; default?: string }>;
  outputs: string[];
}

/** The recorded declarations, keyed by `owner/repo[/path]`. */
export const RECORDED: Record<string, RecordedAction> = Object.fromEntries(
  Object.entries(JSON.parse(readFileSync(join(import.meta.dirname, 'recorded-actions.json'), 'utf8')) as object).filter(
    ([k]) => !k.startsWith('$'),
  ),
) as Record<string, RecordedAction>;

/** What a fake sees: its evaluated inputs (defaults applied) and the job it runs in. */
export interface FakeContext {
  action: string;
  inputs: Record<string, string>;
  workspace: string;
  runnerTemp: string;
  toolCache: string;
  permissions: Permissions;
  env: Record<string, string>;
  /** Node binaries the runner image's tool cache holds, by major version. */
  nodeVersions: Record<string, string>;
  /** The runner cannot reach nodejs.org or GitHub's node-versions (self-hosted, GHES, air-gapped). */
  offline: boolean;
  /** Git LFS objects the "server" holds: <oid> -> content. */
  lfsObjects: Map<string, Buffer>;
  /** Signs attestations as GitHub's Fulcio would sign this workflow run; without it attest writes unsigned stand-ins. */
  sigstore?: LocalSigstore;
  calls: FakeCall[];
}

export interface FakeCall {
  action: string;
  inputs: Record<string, string>;
  detail: Record<string, unknown>;
}

export interface FakeResult {
  outputs?: Record<string, string>;
  /** The step fails with this message (an ::error annotation), as the real action would. */
  error?: string;
  warnings?: string[];
  /** Directories the action prepends to PATH for later steps (GITHUB_PATH). */
  addPath?: string[];
}

type Fake = (ctx: FakeContext) => FakeResult | Promise<FakeResult>;

const FAKES: Record<string, Fake> = {
  'actions/checkout': checkout,
  'actions/setup-node': setupNode,
  'github/codeql-action/upload-sarif': uploadSarif,
  'actions/attest': attest,
  'actions/upload-artifact': uploadArtifact,
};

export function fakeFor(action: string): Fake | undefined {
  return FAKES[action];
}

const LFS_POINTER = /^version https:\/\/git-lfs\.github\.com\/spec\/v1\noid sha256:([0-9a-f]{64})\nsize (\d+)\n/;

// The workspace is the checkout the test prepared; with lfs: true the pointers are replaced by the server's objects.
function checkout(ctx: FakeContext): FakeResult {
  record(ctx, { lfs: ctx.inputs.lfs });
  if (ctx.inputs.lfs === 'true') {
    for (const file of walk(ctx.workspace)) {
      if (statSync(file).size > 1024) continue;
      const m = LFS_POINTER.exec(readFileSync(file, 'utf8'));
      if (!m) continue;
      const object = ctx.lfsObjects.get(m[1] as string);
      if (!object) return { error: `Object does not exist on the server: [404] ${relative(ctx.workspace, file)} (${m[1]})` };
      writeFileSync(file, object);
    }
  }
  let commit = '';
  if (existsSync(join(ctx.workspace, '.git')))
    commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ctx.workspace, encoding: 'utf8' }).trim();
  return { outputs: { ref: ctx.env.GITHUB_REF ?? '', commit } };
}

function* walk(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === '.git') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (e.isFile()) yield p;
  }
}

// setup-node puts the requested Node first on PATH for every later step of the job, the caller's steps included.
function setupNode(ctx: FakeContext): FakeResult {
  let spec = ctx.inputs['node-version'] ?? '';
  const versionFile = ctx.inputs['node-version-file'] ?? '';
  if (!spec && versionFile) spec = readFileSync(resolve(ctx.workspace, versionFile), 'utf8').trim();
  record(ctx, { spec });
  if (!spec) return { outputs: { 'node-version': '', 'cache-hit': 'false' } };
  const major = /^v?(\d+)/.exec(spec)?.[1] ?? '';
  const binary = ctx.nodeVersions[major];
  if (!binary || ctx.offline) return { error: `Unable to find Node version '${spec}' for platform linux and architecture x64.` };
  const version = execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
  const bin = join(ctx.toolCache, 'node', version.slice(1), 'x64', 'bin');
  if (!existsSync(join(bin, 'node'))) {
    mkdirSync(bin, { recursive: true });
    symlinkSync(binary, join(bin, 'node'));
  }
  return { outputs: { 'node-version': version, 'cache-hit': 'false' }, addPath: [bin] };
}

/** What GitHub code scanning would do with one SARIF upload: accepted results, URIs it can map, why it rejects. */
export interface SarifUpload {
  category: string;
  runs: { tool: string; automationId: string; results: number; levels: Record<string, number> }[];
  uris: string[];
  unmappable: string[];
}

const MAX_RUNS = 20; // code scanning rejects a file with more runs
const MAX_RESULTS = 25_000; // per run
const MAX_GZIP_BYTES = 10 * 1024 * 1024;

function uploadSarif(ctx: FakeContext): FakeResult {
  if (ctx.permissions['security-events'] !== 'write')
    return {
      error: 'Resource not accessible by integration (upload-sarif needs security-events: write; fork pull requests get a read-only token)',
    };
  const path = resolve(ctx.workspace, ctx.inputs.sarif_file ?? '');
  if (!existsSync(path)) return { error: `Path does not exist: ${ctx.inputs.sarif_file}` };
  const files = statSync(path).isDirectory()
    ? readdirSync(path)
        .filter((f) => f.endsWith('.sarif'))
        .map((f) => join(path, f))
    : [path];
  const checkout = resolve(ctx.workspace, ctx.inputs.checkout_path || ctx.workspace);
  const validate = sarifValidator();
  const uploads: SarifUpload[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    if (gzipSync(text).length > MAX_GZIP_BYTES) return { error: `${file}: SARIF over 10 MB gzipped is rejected` };
    let sarif: SarifLog;
    try {
      sarif = JSON.parse(text) as SarifLog;
    } catch {
      return { error: `${file}: not JSON` };
    }
    if (!validate(sarif)) return { error: `${file}: not valid SARIF 2.1.0: ${JSON.stringify(validate.errors?.slice(0, 3))}` };
    if (sarif.runs.length > MAX_RUNS) return { error: `${file}: ${sarif.runs.length} runs; code scanning accepts at most ${MAX_RUNS}` };
    const upload: SarifUpload = { category: ctx.inputs.category ?? '', runs: [], uris: [], unmappable: [] };
    for (const run of sarif.runs) {
      const results = run.results ?? [];
      if (results.length > MAX_RESULTS) return { error: `${file}: a run with ${results.length} results; the limit is ${MAX_RESULTS}` };
      const automationId = ctx.inputs.category || run.automationDetails?.id || '';
      const key = `${run.tool.driver.name}/${automationId}`;
      // Since 2025 code scanning rejects two runs of one tool and category in the same upload.
      if (seen.has(key)) return { error: `${file}: two runs of ${run.tool.driver.name} share the category "${automationId}"` };
      seen.add(key);
      const levels: Record<string, number> = {};
      for (const r of results) {
        levels[r.level ?? 'warning'] = (levels[r.level ?? 'warning'] ?? 0) + 1;
        for (const loc of r.locations ?? []) {
          const art = loc.physicalLocation?.artifactLocation;
          if (!art?.uri) continue;
          const mapped = mapUri(art.uri, art.uriBaseId, run.originalUriBaseIds, checkout);
          if (mapped === undefined) upload.unmappable.push(art.uri);
          else upload.uris.push(mapped);
        }
      }
      upload.runs.push({ tool: run.tool.driver.name, automationId, results: results.length, levels });
    }
    uploads.push(upload);
  }
  record(ctx, { uploads });
  return { outputs: { 'sarif-id': String(randomInt(1, 1_000_000)) } };
}

interface SarifLog {
  runs: {
    tool: { driver: { name: string } };
    automationDetails?: { id?: string };
    originalUriBaseIds?: Record<string, { uri?: string }>;
    results?: {
      level?: string;
      locations?: { physicalLocation?: { artifactLocation?: { uri?: string; uriBaseId?: string } } }[];
    }[];
  }[];
}

// A result maps to a file in the repository when its URI is relative to the checkout (directly or through a
// %SRCROOT%-style base) or an absolute file: URI inside it; anything else cannot be shown on a line of code.
function mapUri(uri: string, base: string | undefined, bases: Record<string, { uri?: string }> | undefined, checkout: string) {
  let path: string;
  if (/^file:/.test(uri)) path = decodeURIComponent(new URL(uri).pathname);
  else if (/^[a-z][a-z0-9+.-]*:/i.test(uri) || isAbsolute(uri)) return undefined;
  else {
    const baseUri = base ? bases?.[base]?.uri : undefined;
    if (base && baseUri === undefined && base !== '%SRCROOT%') return undefined;
    const root = baseUri ? decodeURIComponent(new URL(baseUri, `file://${checkout}/`).pathname) : `${checkout}/`;
    path = join(root, decodeURIComponent(uri));
  }
  const rel = relative(checkout, path);
  if (rel.startsWith('..') || isAbsolute(rel) || !existsSync(path)) return undefined;
  return rel;
}

async function attest(ctx: FakeContext): Promise<FakeResult> {
  if (!ctx.env.ACTIONS_ID_TOKEN_REQUEST_URL)
    return { error: 'Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable (the job needs permissions: id-token: write)' };
  const api = ctx.env.GITHUB_API_URL ?? '';
  // Against the local mock GitHub the attestation is really stored (and the token's permissions checked there).
  const local = api.startsWith('http://127.0.0.1:');
  if (!local && ctx.permissions.attestations !== 'write')
    return {
      error: 'Failed to persist attestation: Resource not accessible by integration (the job needs permissions: attestations: write)',
    };
  const { inputs } = ctx;
  const given = ['subject-path', 'subject-digest', 'subject-checksums'].filter((k) => inputs[k]);
  if (given.length !== 1) return { error: 'One of subject-path, subject-digest or subject-checksums must be provided' };
  if (!inputs['predicate-type']) return { error: 'Input required and not supplied: predicate-type' };
  if (Boolean(inputs.predicate) === Boolean(inputs['predicate-path']))
    return { error: 'Exactly one of predicate-path or predicate must be provided' };
  let predicate: unknown;
  try {
    predicate = JSON.parse(inputs.predicate || readFileSync(resolve(ctx.workspace, inputs['predicate-path'] as string), 'utf8'));
  } catch (err) {
    return { error: `Cannot read the predicate: ${(err as Error).message}` };
  }
  let subjects: { name: string; digest: { sha256: string } }[];
  if (inputs['subject-digest']) {
    const m = /^sha256:([0-9a-f]{64})$/.exec(inputs['subject-digest']);
    if (!m) return { error: `Invalid subject-digest: ${inputs['subject-digest']}` };
    if (!inputs['subject-name']) return { error: 'subject-name must be provided when using subject-digest' };
    subjects = [{ name: inputs['subject-name'], digest: { sha256: m[1] as string } }];
  } else if (inputs['subject-path']) {
    const patterns = inputs['subject-path']
      .split(/[\n,]/)
      .map((s) => s.trim())
      .filter(Boolean);
    const files = patterns.flatMap((p) =>
      isAbsolute(p) ? (existsSync(p) ? [p] : []) : globSync(p, { cwd: ctx.workspace }).map((f) => join(ctx.workspace, f)),
    );
    if (files.length === 0) return { error: `Could not find subject at path ${inputs['subject-path']}` };
    subjects = files
      .filter((f) => statSync(f).isFile())
      .map((f) => ({ name: inputs['subject-name'] || f.split('/').pop() || f, digest: { sha256: sha256(readFileSync(f)) } }));
  } else {
    // sha256sum format: "<hex>  <name>" or "<hex> *<name>" per line.
    const text = readFileSync(resolve(ctx.workspace, inputs['subject-checksums'] as string), 'utf8');
    subjects = text
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => {
        const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(l.trim());
        if (!m) throw new Error(`subject-checksums: not a sha256 checksum line: ${l}`);
        return { name: m[2] as string, digest: { sha256: m[1] as string } };
      });
    if (subjects.length === 0) return { error: `subject-checksums ${inputs['subject-checksums']} lists no subject` };
  }
  const statement = { _type: 'https://in-toto.io/Statement/v1', subject: subjects, predicateType: inputs['predicate-type'], predicate };
  const bundlePath = join(ctx.runnerTemp, `attestation-${ctx.calls.length}.json`);
  mkdirSync(dirname(bundlePath), { recursive: true });
  const bundle = ctx.sigstore
    ? await ctx.sigstore.signAttestation(statement, workflowSigner(ctx.env))
    : // Unsigned: the Statement in a DSSE envelope, so readers find what was attested (and verifiers refuse it).
      {
        mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
        dsseEnvelope: {
          payloadType: 'application/vnd.in-toto+json',
          payload: Buffer.from(JSON.stringify(statement)).toString('base64'),
          signatures: [],
        },
      };
  writeFileSync(bundlePath, JSON.stringify(bundle));
  let id = String(randomInt(1, 1_000_000));
  if (local) {
    // The attestations API with the job's token, as the action stores it.
    const res = await fetch(`${api}/repos/${ctx.env.GITHUB_REPOSITORY}/attestations`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${inputs['github-token']}`,
        'content-type': 'application/json',
        accept: 'application/vnd.github+json',
      },
      body: JSON.stringify({ bundle }),
    });
    const answer = (await res.json()) as { id?: number; message?: string };
    if (res.status !== 201) return { error: `Failed to persist attestation: ${answer.message ?? res.status}` };
    id = String(answer.id);
  }
  record(ctx, { statement, bundlePath });
  return {
    outputs: {
      'bundle-path': bundlePath,
      'attestation-id': id,
      'attestation-url': `${ctx.env.GITHUB_SERVER_URL}/${ctx.env.GITHUB_REPOSITORY}/attestations/${id}`,
    },
  };
}

// The certificate Fulcio issues to a GitHub Actions run: the workflow file at its ref, with GitHub's claims.
function workflowSigner(env: Record<string, string>) {
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const uri = `${server}/${env.GITHUB_WORKFLOW_REF}`;
  return {
    identity: uri,
    issuer: 'https://token.actions.githubusercontent.com',
    github: {
      buildSignerUri: uri,
      runnerEnvironment: 'github-hosted' as const,
      sourceRepositoryUri: `${server}/${env.GITHUB_REPOSITORY}`,
      sourceRepositoryRef: env.GITHUB_REF ?? '',
      sourceRepositoryOwnerUri: `${server}/${env.GITHUB_REPOSITORY_OWNER}`,
      sourceRepositoryDigest: env.GITHUB_SHA ?? '',
    },
  };
}

function uploadArtifact(ctx: FakeContext): FakeResult {
  const patterns = (ctx.inputs.path ?? '')
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
  const files = patterns.flatMap((p) => globSync(p, { cwd: ctx.workspace }));
  record(ctx, { name: ctx.inputs.name, files: files.sort() });
  if (files.length === 0) {
    const mode = ctx.inputs['if-no-files-found'];
    const message = `No files were found with the provided path: ${ctx.inputs.path}. No artifacts will be uploaded.`;
    if (mode === 'error') return { error: message };
    if (mode === 'warn') return { warnings: [message] };
  }
  return { outputs: { 'artifact-id': String(randomInt(1, 1_000_000)), 'artifact-url': '', 'artifact-digest': '' } };
}

function record(ctx: FakeContext, detail: Record<string, unknown>): void {
  ctx.calls.push({ action: ctx.action, inputs: ctx.inputs, detail });
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
