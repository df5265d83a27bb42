import type { CommandSpec } from '../spec.js';
import { STORE_OPTIONS } from './shared.js';

export const trustTaxBackfillSpec = {
  name: 'trust-tax backfill',
  summary:
    "record a repository's history: its default branch in the line-survival ledger (--git), its pull requests from the REST API (--github)",
  description:
    'With --github, pull requests updated since --since are read through the REST API (token from GITHUB_TOKEN or\nGH_TOKEN) and recorded as the App records their webhooks; an interrupted run resumes where it was.',
  options: {
    git: { type: 'string', value: 'DIR', kind: 'directory', description: 'a clone of the repository (the ledger)' },
    repo: { type: 'string', value: 'O/R', description: 'the repository the history belongs to (with --git; default: --github)' },
    ref: { type: 'string', value: 'REF', description: 'the default branch (default: HEAD)' },
    github: { type: 'string', value: 'O/R', description: "read this repository's pull requests through the REST API" },
    since: {
      type: 'string',
      value: 'WHEN',
      default: '365d',
      description: 'with --github: pull requests updated since, e.g. 365d or an ISO date',
    },
    'api-url': {
      type: 'string',
      value: 'URL',
      description: 'with --github: the API root (default: $GITHUB_API_URL or https://api.github.com)',
    },
    ...STORE_OPTIONS,
  },
} as const satisfies CommandSpec;

export const trustTaxImportSpec = {
  name: 'trust-tax import',
  summary: 'record pull requests and commits from a history file (JSON)',
  positionals: [{ name: 'FILE', description: 'the history file', required: true, kind: 'file' }],
  options: { ...STORE_OPTIONS },
} as const satisfies CommandSpec;

export const trustTaxSeedDemoSpec = {
  name: 'trust-tax seed-demo',
  summary: 'fill the store with a synthetic organisation (for the demo and dashboards)',
  options: { prs: { type: 'string', value: 'N', default: '600', description: 'how many pull requests' }, ...STORE_OPTIONS },
} as const satisfies CommandSpec;

export const trustTaxSpec = {
  name: 'trust-tax',
  summary: 'report what AI-written code costs in review and rework',
  synopsis: [
    '[--database URL] [--data-dir DIR] [--repo O/R] [--since 30d] [--as-of ISO] [--format F] [--policy F] [--out F]',
    '--git DIR [--git DIR]... [--ref REF] [--since 365d] [--as-of ISO] [--format F] [--policy F]',
  ],
  description:
    "Reports the trust tax: how much more review and rework AI-cohort PRs need than human PRs of the same repository\nand size. With --git, from clones alone: line survival by cohort (Kaplan–Meier) and the hazard ratio of AI lines\n(Cox). The store is PostgreSQL when --database or DATABASE_URL is set, else the App's embedded store in\n--data-dir, $TRUSTGATE_DATA_DIR or .trustgate/data. Definitions: docs/trust-tax.md.",
  options: {
    ...STORE_OPTIONS,
    repo: { type: 'string', value: 'O/R', description: 'only this repository' },
    since: { type: 'string', value: 'WHEN', description: 'only pull requests merged since, e.g. 30d or an ISO date' },
    'as-of': { type: 'string', value: 'ISO', description: 'report as of this time (default: now)' },
    format: { type: 'string', value: 'F', choices: ['table', 'json', 'csv', 'markdown'], default: 'table', description: 'report format' },
    policy: { type: 'string', value: 'F', kind: 'file', description: 'the policy (metrics: churnDays, minCellPrs, ...)' },
    out: { type: 'string', value: 'F', kind: 'output', description: 'write the report to F (atomically) instead of stdout' },
    git: {
      type: 'string',
      value: 'DIR',
      kind: 'directory',
      multiple: true,
      description: 'report from this clone alone (history-only: line survival by cohort); repeatable',
    },
    ref: { type: 'string', value: 'REF', description: 'with --git: the branch to follow (default: HEAD)' },
  },
  subcommands: [trustTaxBackfillSpec, trustTaxImportSpec, trustTaxSeedDemoSpec],
} as const satisfies CommandSpec;
