import { referenceLine } from '../report/flow.js';
import type { HazardModel, HistoryCohort, HistoryReport } from './report.js';

export const HISTORY_FORMATS = ['table', 'json', 'csv', 'markdown'] as const;
export type HistoryFormat = (typeof HISTORY_FORMATS)[number];

const pct = (v: number | null) => (v === null ? '-' : `${(v * 100).toFixed(1)}%`);
const ratio = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(2));

function hazardText(m: HazardModel | null): string[] {
  if (!m) return ['  no fit (no deaths, or no stratum holds both AI and baseline lines)'];
  return [
    ...m.ratios.map(
      (r) =>
        `  ${r.of === 'ai' ? 'AI (agent + assisted)' : r.of}: ${ratio(r.hazardRatio)} [${ratio(r.low)}, ${ratio(r.high)}]  p=${r.p < 0.001 ? '<0.001' : r.p.toFixed(3)}`,
    ),
    `  (${m.subjects} lines, ${m.events} deaths, ${m.clusters} commits; strata: ${m.strata}${m.converged ? '' : '; DID NOT CONVERGE'})`,
  ];
}

function cohortRows(cohorts: readonly HistoryCohort[], windows: readonly number[]): string[][] {
  const head = [
    'cohort',
    'commits',
    'authors',
    'lines added',
    ...windows.map((n) => `alive ${n}d`),
    ...windows.map((n) => `churn ${n}d`),
    `reverted ${windows[0]}d`,
    `fix follow-ups ${windows[0]}d`,
  ];
  return [
    head,
    ...cohorts.map((c) => [
      c.cohort,
      String(c.commits),
      String(c.authors),
      String(c.linesAdded),
      ...c.windows.map((w) => (w.survival === null ? '-' : `${pct(w.survival)} [${pct(w.low)}, ${pct(w.high)}]`)),
      ...c.windows.map((w) => pct(w.churn)),
      pct(c.windows[0]?.reverted ?? null),
      pct(c.windows[0]?.fixFollowUps ?? null),
    ]),
  ];
}

function aligned(rows: string[][]): string[] {
  const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) =>
    r
      .map((v, i) => v.padEnd(widths[i] as number))
      .join('  ')
      .trimEnd(),
  );
}

function table(r: HistoryReport): string {
  const commits = r.repositories.reduce((s, x) => s + x.commits, 0);
  return [
    `Trust tax from git history as of ${r.asOf}: ${r.repositories.map((x) => x.repo).join(', ')} (${commits} default-branch commits)`,
    '  line survival by cohort (Kaplan–Meier, 95% interval), churn, reverts and fix follow-ups of commits old enough for the window',
    '',
    ...aligned(cohortRows(r.cohorts, r.windows)),
    '',
    'Hazard ratio of a line being deleted or rewritten, AI lines against human/unknown lines (Cox, Efron ties, 95% CI robust by commit):',
    ...hazardText(r.hazard.byFile),
    'By cohort:',
    ...hazardText(r.hazard.byCohort),
    'Strata by repository only:',
    ...hazardText(r.hazard.byRepository),
    ...r.byRepository.flatMap((x) => ['', `${x.repo}:`, ...hazardText(x.hazard)]),
    '',
    'Published, for context (not a target):',
    ...r.references.map((f) => `  - ${referenceLine(f)}`),
    '',
  ].join('\n');
}

function markdown(r: HistoryReport): string {
  const rows = cohortRows(r.cohorts, r.windows);
  const md = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    `### Trust tax from git history (as of ${r.asOf})`,
    '',
    md(rows[0] ?? []),
    md((rows[0] ?? []).map(() => '---')),
    ...rows.slice(1).map(md),
    '',
    '**Hazard ratio** of a line being deleted or rewritten, AI against human/unknown lines (Cox, strata repository × file):',
    '',
    ...hazardText(r.hazard.byFile).map((l) => `- ${l.trim()}`),
    ...hazardText(r.hazard.byCohort).map((l) => `- ${l.trim()}`),
    '',
  ].join('\n');
}

function csv(r: HistoryReport): string {
  const rows = [
    ['repository', 'cohort', 'window_days', 'commits', 'lines_added', 'survival', 'low', 'high', 'churn', 'reverted', 'fix_follow_ups'],
  ];
  const add = (repo: string, cohorts: readonly HistoryCohort[]) => {
    for (const c of cohorts)
      for (const w of c.windows)
        rows.push([
          repo,
          c.cohort,
          String(w.days),
          String(c.commits),
          String(c.linesAdded),
          ...[w.survival, w.low, w.high, w.churn, w.reverted, w.fixFollowUps].map((v) => (v === null ? '' : String(v))),
        ]);
  };
  add('all', r.cohorts);
  for (const x of r.byRepository) add(x.repo, x.cohorts);
  return `${rows.map((row) => row.join(',')).join('\n')}\n`;
}

export function formatHistoryReport(report: HistoryReport, format: HistoryFormat): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (format === 'csv') return csv(report);
  if (format === 'markdown') return markdown(report);
  return table(report);
}
