import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { asTrustgateError, CoreError, defaultPolicy, loadPolicyFile, type MetricsPolicy, writeFileAtomic } from '@trustgate/core';
import {
  backfillPullRequests,
  buildHistoryReport,
  GitHubRest,
  buildTrustTaxReport,
  formatHistoryReport,
  gitRepositoryName,
  readHistories,
  formatTrustTaxReport,
  importHistory,
  loadTrustTaxDataset,
  parseSince,
  recordPush,
  streamGitHistory,
  syntheticOrganisation,
} from '@trustgate/metrics';
import { usageError } from '../args.js';
import { type CliIO, defineCommand, EXIT } from '../io.js';
import { openCliStore as open, type StoreValues, withStore } from './store.js';
import { trustTaxBackfillSpec, trustTaxImportSpec, trustTaxSeedDemoSpec, trustTaxSpec } from '../specs/trust-tax.js';

export const report = defineCommand(trustTaxSpec, async ({ values }, io) => {
  const asOf = values['as-of'] ? parseSince(values['as-of'], new Date().toISOString()) : new Date().toISOString();
  const since = values.since ? parseSince(values.since, asOf) : undefined;
  const full = values.policy ? await loadPolicyFile(resolve(io.cwd, values.policy)) : defaultPolicy();
  const policy: MetricsPolicy = full.metrics;
  const write = async (text: string) => (values.out ? writeFileAtomic(resolve(io.cwd, values.out), text) : io.stdout(text));
  if (values.git) {
    const sources = await Promise.all(
      values.git.map(async (d) => {
        const dir = resolve(io.cwd, d);
        return {
          dir,
          repo: values.git?.length === 1 && values.repo ? values.repo : await gitRepositoryName(dir),
          ...(values.ref ? { ref: values.ref } : {}),
        };
      }),
    );
    const run = await readHistories(sources, {
      windows: policy.churnDays,
      classify: { requireDisclosure: full.attribution.requireDisclosure, rules: full.attribution.rules },
      ...(since ? { since } : {}),
    });
    await write(
      formatHistoryReport(buildHistoryReport(run, { windows: policy.churnDays, ...(values['as-of'] ? { asOf } : {}) }), values.format),
    );
    return EXIT.ok;
  }
  const dataset = await withStore(await open(values, io, false), (s) => loadTrustTaxDataset(s, values.repo ? { repo: values.repo } : {}));
  const result = buildTrustTaxReport(dataset, {
    asOf,
    ...(since ? { since } : {}),
    windows: policy.churnDays,
    minCellPrs: policy.minCellPrs,
    minCellAuthors: policy.minCellAuthors,
    bootstrap: policy.bootstrap,
    perPerson: policy.perPerson,
  });
  await write(formatTrustTaxReport(result, values.format));
  return EXIT.ok;
});

export const backfill = defineCommand(trustTaxBackfillSpec, async ({ values }, io) => {
  if (!values.git && !values.github) throw usageError(trustTaxBackfillSpec, '--git DIR or --github O/R is required');
  if (values.github) await backfillFromGitHub(values.github, values, io);
  if (!values.git) return EXIT.ok;
  const repo = values.repo ?? values.github;
  if (!repo) throw usageError(trustTaxBackfillSpec, '--git needs --repo O/R');
  const dir = resolve(io.cwd, values.git);
  const { applied, seen } = await withStore(await open(values, io, true), async (s) => {
    let n = 0;
    let total = 0;
    let batch: Parameters<typeof recordPush>[2][number][] = [];
    // Commits stream from git and are recorded in batches: memory holds one batch of diffs, never the history.
    const flush = async () => {
      n += (await recordPush(s, repo, batch)).length;
      total += batch.length;
      batch = [];
    };
    for await (const c of streamGitHistory(dir, values.ref ? { ref: values.ref } : {})) {
      batch.push(c);
      if (batch.length === 200) await flush();
    }
    await flush();
    return { applied: n, seen: total };
  });
  io.stdout(`trust-tax backfill: ${repo}: ${applied} new default-branch commits applied to the ledger (${seen - applied} already there)\n`);
  return EXIT.ok;
});

/** Pull requests of the last `--since` from the REST API, recorded as the App would have recorded their webhooks. */
async function backfillFromGitHub(
  repo: string,
  values: StoreValues & { since: string; 'api-url'?: string | undefined },
  io: CliIO,
): Promise<void> {
  const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(repo);
  if (!m) throw usageError(trustTaxBackfillSpec, `--github ${repo} must be OWNER/REPO`);
  const token = io.env.GITHUB_TOKEN ?? io.env.GH_TOKEN;
  if (!token)
    throw new CoreError(
      'USAGE_ERROR',
      '--github reads the REST API: set GITHUB_TOKEN (or GH_TOKEN) to a token that can read the repository',
    );
  const baseUrl = values['api-url'] ?? io.env.GITHUB_API_URL ?? 'https://api.github.com';
  const since = parseSince(values.since, new Date().toISOString());
  const { tokenOctokit, trustTaxRecorder } = await import('@trustgate/app');
  const stop = new AbortController();
  const interrupt = () => stop.abort(new Error('interrupted'));
  process.once('SIGINT', interrupt);
  const rest = new GitHubRest({
    baseUrl,
    token,
    signal: stop.signal,
    onWait: ({ ms, reason }) => io.stderr(`trust-tax backfill: ${reason}; waiting ${Math.ceil(ms / 1000)} s\n`),
  });
  try {
    const summary = await withStore(await open(values, io, true), (s) =>
      backfillPullRequests(s, rest, {
        repo,
        since,
        recorder: trustTaxRecorder(tokenOctokit(token, baseUrl), { owner: m[1] as string, repo: m[2] as string }),
        signal: stop.signal,
        onPage: (p) => io.stderr(`trust-tax backfill: ${repo}: pass ${p.pass}, ${p.pages} pages, ${p.recorded} pull requests recorded\n`),
      }),
    );
    io.stdout(
      `trust-tax backfill: ${repo}: ${summary.recorded} pull requests recorded since ${since} (${summary.unchanged} already stored, ${summary.outside} closed before; ${summary.requests} requests${summary.resumed ? '; resumed' : ''})\n`,
    );
    if (summary.notRecorded > 0)
      io.stderr(
        `trust-tax backfill: ${repo}: ${summary.notRecorded} pull requests not recorded: their base branch has no valid .github/trustgate.yml, so the App records nothing for them either\n`,
      );
  } catch (cause) {
    if (stop.signal.aborted)
      throw new CoreError(
        'USAGE_ERROR',
        `trust-tax backfill: ${repo}: interrupted; what was read is stored, run the same command again to resume`,
        { cause },
      );
    throw cause;
  } finally {
    process.off('SIGINT', interrupt);
  }
}

export const importFile = defineCommand(trustTaxImportSpec, async ({ values, positionals }, io) => {
  const file = resolve(io.cwd, positionals[0] as string);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (cause) {
    const why = cause instanceof SyntaxError ? `${file} is not JSON (${cause.message})` : asTrustgateError(cause, file).message;
    throw new CoreError('IO_ERROR', `history file: ${why}; pass a history file`, { cause, file });
  }
  const n = await withStore(await open(values, io, true), (s) => importHistory(s, json, file));
  io.stdout(`trust-tax import: ${n.pullRequests} pull requests, ${n.commits} default-branch commits recorded\n`);
  return EXIT.ok;
});

export const seedDemo = defineCommand(trustTaxSeedDemoSpec, async ({ values }, io) => {
  const prs = Number(values.prs);
  if (!Number.isInteger(prs) || prs < 1) throw new CoreError('USAGE_ERROR', `--prs ${values.prs} is not a positive integer`);
  const n = await withStore(await open(values, io, true), (s) => importHistory(s, syntheticOrganisation({ pullRequests: prs }), 'demo'));
  io.stdout(`trust-tax seed-demo: ${n.pullRequests} synthetic pull requests, ${n.commits} commits recorded\n`);
  return EXIT.ok;
});
