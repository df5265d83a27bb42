import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CoreError, defaultPolicy, loadPolicyFile, type MetricsPolicy } from '@trustgate/core';
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
  openStore,
  parseSince,
  REPORT_FORMATS,
  type ReportFormat,
  type readGitHistory,
  recordPush,
  streamGitHistory,
  type Store,
  syntheticOrganisation,
} from '@trustgate/metrics';
import { parseCommandArgs, requireOption } from '../args.js';
import { type CliIO, type Command, EXIT } from '../io.js';

const USAGE = `Usage: trustgate trust-tax [--database URL] [--data-dir DIR] [--repo O/R] [--since 30d] [--as-of ISO]
                           [--format table|json|csv|markdown] [--policy F] [--out F]
       trustgate trust-tax --git DIR [--git DIR]... [--ref REF] [--since 365d] [--as-of ISO] [--format ...] [--policy F]
       trustgate trust-tax backfill --git DIR --repo O/R [--ref REF] [--database URL] [--data-dir DIR]
       trustgate trust-tax backfill --github O/R [--since 365d] [--api-url URL] [--database URL] [--data-dir DIR]
                                    (token from GITHUB_TOKEN or GH_TOKEN; interrupted runs resume)
       trustgate trust-tax import FILE [--database URL] [--data-dir DIR]
       trustgate trust-tax seed-demo [--prs N] [--database URL] [--data-dir DIR]

Reports the trust tax: how much more review and rework AI-cohort PRs need than human PRs of the same repository
and size. With --git, from clones alone: line survival by cohort (Kaplan–Meier) and the hazard ratio of AI lines
(Cox). The store is PostgreSQL when --database or DATABASE_URL is set, else the App's embedded store in
--data-dir, $TRUSTGATE_DATA_DIR or .trustgate/data. Definitions: docs/trust-tax.md.`;

const STORE_OPTIONS = { database: { type: 'string' }, 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

function dataDir(values: { 'data-dir'?: string | undefined }, io: CliIO): string {
  return resolve(io.cwd, values['data-dir'] ?? io.env.TRUSTGATE_DATA_DIR ?? '.trustgate/data');
}

async function open(
  values: { database?: string | undefined; 'data-dir'?: string | undefined },
  io: CliIO,
  create: boolean,
): Promise<Store> {
  const databaseUrl = values.database ?? io.env.DATABASE_URL;
  if (databaseUrl) return openStore({ databaseUrl });
  const dir = dataDir(values, io);
  if (!existsSync(dir)) {
    if (!create)
      throw new CoreError(
        'USAGE_ERROR',
        `no store at ${dir}; point --data-dir or --database at the App's store, or fill one with trustgate trust-tax backfill/import`,
      );
    mkdirSync(dir, { recursive: true });
  }
  return openStore({ dataDir: dir });
}

async function withStore<T>(store: Store, fn: (s: Store) => Promise<T>): Promise<T> {
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

async function report(args: string[], io: CliIO): Promise<0 | 1 | 2> {
  const { values } = parseCommandArgs('trust-tax', args, {
    ...STORE_OPTIONS,
    repo: { type: 'string' },
    since: { type: 'string' },
    'as-of': { type: 'string' },
    format: { type: 'string', default: 'table' },
    policy: { type: 'string' },
    out: { type: 'string' },
    git: { type: 'string', multiple: true },
    ref: { type: 'string' },
  });
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return EXIT.ok;
  }
  const format = values.format as ReportFormat;
  if (!REPORT_FORMATS.includes(format))
    throw new CoreError('USAGE_ERROR', `--format ${values.format} is not one of ${REPORT_FORMATS.join(', ')}`);
  const asOf = values['as-of'] ? parseSince(values['as-of'], new Date().toISOString()) : new Date().toISOString();
  const since = values.since ? parseSince(values.since, asOf) : undefined;
  const full = values.policy ? await loadPolicyFile(resolve(io.cwd, values.policy)) : defaultPolicy();
  const policy: MetricsPolicy = full.metrics;
  const write = (text: string) => (values.out ? writeFileSync(resolve(io.cwd, values.out), text) : io.stdout(text));
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
    write(formatHistoryReport(buildHistoryReport(run, { windows: policy.churnDays, ...(values['as-of'] ? { asOf } : {}) }), format));
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
  write(formatTrustTaxReport(result, format));
  return EXIT.ok;
}

async function backfill(args: string[], io: CliIO): Promise<0 | 2> {
  const { values } = parseCommandArgs('trust-tax backfill', args, {
    ...STORE_OPTIONS,
    git: { type: 'string' },
    github: { type: 'string' },
    repo: { type: 'string' },
    ref: { type: 'string' },
    since: { type: 'string' },
    'api-url': { type: 'string' },
  });
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return EXIT.ok;
  }
  if (!values.git && !values.github)
    throw new CoreError(
      'USAGE_ERROR',
      'trustgate trust-tax backfill: --git DIR or --github O/R is required; see trustgate trust-tax --help',
    );
  if (values.github) await backfillFromGitHub(values.github, values, io);
  if (!values.git) return EXIT.ok;
  const dir = resolve(io.cwd, values.git);
  const repo = requireOption('trust-tax backfill', values.repo ?? values.github, '--repo O/R');
  const { applied, seen } = await withStore(await open(values, io, true), async (s) => {
    let n = 0;
    let total = 0;
    let batch: Awaited<ReturnType<typeof readGitHistory>> = [];
    // Commits stream from git and are recorded in batches, so memory holds one batch of diffs, not the history.
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
}

/** Pull requests of the last `--since` from the REST API, recorded as the App would have recorded their webhooks. */
async function backfillFromGitHub(
  repo: string,
  values: { since?: string | undefined; 'api-url'?: string | undefined; database?: string | undefined; 'data-dir'?: string | undefined },
  io: CliIO,
): Promise<void> {
  const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(repo);
  if (!m) throw new CoreError('USAGE_ERROR', `trustgate trust-tax backfill: --github ${repo} must be OWNER/REPO`);
  const token = io.env.GITHUB_TOKEN ?? io.env.GH_TOKEN;
  if (!token)
    throw new CoreError(
      'USAGE_ERROR',
      'trustgate trust-tax backfill --github: set GITHUB_TOKEN (or GH_TOKEN) to a token that can read the repository',
    );
  const baseUrl = values['api-url'] ?? io.env.GITHUB_API_URL ?? 'https://api.github.com';
  const since = parseSince(values.since ?? '365d', new Date().toISOString());
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
        `trust-tax backfill: ${repo}: ${summary.notRecorded} pull requests not recorded: their base branch has no valid .github/trustgate.yml, so the App would record nothing for them either\n`,
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

async function importFile(args: string[], io: CliIO): Promise<0 | 2> {
  const { values, positionals } = parseCommandArgs('trust-tax import', args, STORE_OPTIONS);
  if (values.help || positionals.length !== 1) {
    io.stdout(`${USAGE}\n`);
    return values.help ? EXIT.ok : EXIT.usage;
  }
  const file = resolve(io.cwd, positionals[0] as string);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new CoreError('USAGE_ERROR', `cannot read ${file} as JSON (${(cause as Error).message}); pass a history file`, { cause });
  }
  const n = await withStore(await open(values, io, true), (s) => importHistory(s, json, file));
  io.stdout(`trust-tax import: ${n.pullRequests} pull requests, ${n.commits} default-branch commits recorded\n`);
  return EXIT.ok;
}

async function seedDemo(args: string[], io: CliIO): Promise<0 | 2> {
  const { values } = parseCommandArgs('trust-tax seed-demo', args, { ...STORE_OPTIONS, prs: { type: 'string', default: '600' } });
  const prs = Number(values.prs);
  if (!Number.isInteger(prs) || prs < 1) throw new CoreError('USAGE_ERROR', `--prs ${values.prs} is not a positive integer`);
  const n = await withStore(await open(values, io, true), (s) => importHistory(s, syntheticOrganisation({ pullRequests: prs }), 'demo'));
  io.stdout(`trust-tax seed-demo: ${n.pullRequests} synthetic pull requests, ${n.commits} commits recorded\n`);
  return EXIT.ok;
}

const command: Command = {
  name: 'trust-tax',
  summary: 'report what AI-written code costs in review and rework',
  usage: USAGE,
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub === 'backfill') return backfill(rest, io);
    if (sub === 'import') return importFile(rest, io);
    if (sub === 'seed-demo') return seedDemo(rest, io);
    return report(args, io);
  },
};

export default command;
