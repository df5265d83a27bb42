import type { FlowComparison, FlowRow } from '../trust-tax/flow.js';
import type { ReferenceFigure } from '../trust-tax/references.js';

const pct = (v: number | null) => (v === null ? '-' : `${(v * 100).toFixed(1)}%`);
const hours = (v: number | null) => (v === null ? '-' : v < 48 ? `${v.toFixed(1)} h` : `${(v / 24).toFixed(1)} d`);

/** The measured row cells: acceptance, pickup, review time, merged without review. */
export function flowCells(r: FlowRow): string[] {
  return [
    r.cohort,
    `${pct(r.acceptance)} (${r.merged}/${r.closed})`,
    hours(r.medianTimeToFirstReviewH),
    hours(r.medianReviewTimeH),
    pct(r.mergedWithoutReview),
  ];
}

export const FLOW_HEADER = [
  'cohort',
  'acceptance (merged/closed)',
  'median time to first review',
  'median review time',
  'merged without review',
];

export function referenceLine(f: ReferenceFigure): string {
  return `${f.measure}: ${f.figure}. ${f.source.authors}, ${f.source.title}, ${f.source.year}, ${f.source.url} (caveat: ${f.caveat})`;
}

/** Plain-text section. */
export function flowText(flow: FlowComparison): string[] {
  const rows = [FLOW_HEADER, ...flow.rows.map(flowCells)];
  const widths = FLOW_HEADER.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return [
    `Review flow by cohort, beside published figures (${flow.note}):`,
    ...rows.map((r) => `  ${r.map((v, i) => v.padEnd(widths[i] as number)).join('  ')}`.trimEnd()),
    ...flow.references.map((f) => `  - ${referenceLine(f)}`),
  ];
}
