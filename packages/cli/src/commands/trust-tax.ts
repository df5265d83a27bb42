import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CoreError, defaultPolicy, loadPolicyFile, type MetricsPolicy } from '@trustgate/core';
import {
  buildHistoryReport,
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
  readGitHistory,
  recordPush,
  type Store,
  syntheticOrganisation,
} from '@trustgate/metrics';
import { parseCommandArgs, requireOption } from '../args.js';
import { type CliIO, type Command, EXIT } from '../io.js';

const USAGE = `Usage: trustgate trust-tax [--database URL] [--data-dir DIR] [--repo O/R] [--since 30d] [--as-of ISO]
                           [--format table|json|csv|markdown] [--policy F] [--out F]
       trustgate trust-tax --git DIR [--git DIR]... [--ref REF] [--since 365d] [--as-of ISO] [--format ...] [--policy F]
       trustgate trust-tax backfill --git DIR --repo O/R [--ref REF] [--database URL] [--data-dir DIR]
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
    repo: { type: 'string' },
    ref: { type: 'string' },
  });
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return EXIT.ok;
  }
  const dir = resolve(io.cwd, requireOption('trust-tax backfill', values.git, '--git DIR'));
  const repo = requireOption('trust-tax backfill', values.repo, '--repo O/R');
  const commits = await readGitHistory(dir, values.ref ? { ref: values.ref } : {});
  const applied = await withStore(await open(values, io, true), async (s) => {
    let n = 0;
    for (let i = 0; i < commits.length; i += 500) n += (await recordPush(s, repo, commits.slice(i, i + 500))).length;
    return n;
  });
  io.stdout(
    `trust-tax backfill: ${repo}: ${applied} new default-branch commits applied to the ledger (${commits.length - applied} already there)\n`,
  );
  return EXIT.ok;
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
