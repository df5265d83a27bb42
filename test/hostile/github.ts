import { readFile } from 'node:fs/promises';
// @ts-expect-error plain ESM test double without type declarations
import { createState, startMockGitHub } from '../../app/test/mock-github/server.mjs';
import { runCli } from '../support/cli.js';

/**
 * The App's OpenAPI-validated mock GitHub (app/test/mock-github/server.mjs), typed for what the verify commands read:
 * attestations by digest (repository and organization), releases by tag, and tag refs. Every request is checked
 * against GitHub's description; the answers of those operations too.
 */
export interface VerifyGitHub {
  url: string;
  state: {
    attestations: { id: number; bundle: unknown; digests: string[]; repo?: string }[];
    releases: Map<string, { id: number; immutable?: boolean; assets: { name: string; digest?: string }[] }>;
    refs: Map<string, string>;
    badTokens: Set<string>;
    failures: Map<string, number>;
    /** request number (1-based) -> refusal: 'primary' (rate limit used up), 'secondary' (retry-after) */
    limits: Map<number, string>;
    served: number;
    attestationPageSize: number;
    nextId: number;
  };
  invalid: { path: string; errors: string[] }[];
  calls(operationId: string): { params: Record<string, string>; query: Record<string, string> }[];
  close(): Promise<void>;
}

export async function startVerifyGitHub(): Promise<VerifyGitHub> {
  return startMockGitHub({ state: createState() });
}

/** Put a bundle file into GitHub's attestation store of `repo`, indexed under `digests` (default: its subjects'). */
export async function plant(github: VerifyGitHub, repo: string, bundleFile: string, digests?: string[]): Promise<void> {
  const bundle = JSON.parse(await readFile(bundleFile, 'utf8'));
  const statement = JSON.parse(Buffer.from(bundle.dsseEnvelope?.payload ?? '', 'base64').toString('utf8'));
  const indexed =
    digests ??
    (statement.subject as { digest: Record<string, string> }[]).flatMap((s) => Object.entries(s.digest).map(([a, h]) => `${a}:${h}`));
  github.state.attestations.push({ id: github.state.nextId++, bundle, digests: indexed, repo });
}

/** The CLI against the mock, as a user with GITHUB_TOKEN (or `env` instead) runs it; `--format json` parsed. */
export async function cliAgainst(github: VerifyGitHub, argv: string[], env: Record<string, string> = { GITHUB_TOKEN: 'ghs_test' }) {
  const r = await runCli([...argv, '--format', 'json'], { env: { GITHUB_API_URL: github.url, ...env } });
  const json = r.stdout.trim().startsWith('{') ? (JSON.parse(r.stdout) as Record<string, unknown>) : undefined;
  return { ...r, json, errorCode: json?.errorCode as string | undefined };
}
