import { cellText, percent } from '../report/cells.js';
import type { Cell } from '../trust-tax/evaluate.js';
import type { TrustTaxReport } from '../trust-tax/report.js';
import { FLOW_HEADER, flowCells } from '../report/flow.js';
import { componentsChart, overTimeChart, survivalChart } from './charts.js';
import { COHORT_COLOURS, escapeHtml } from './html.js';

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#212529;background:#f4f5f7}
header{background:#1f2933;color:#fff;padding:14px 28px;display:flex;align-items:baseline;gap:18px;flex-wrap:wrap}
header h1{font-size:19px;margin:0}header .meta{color:#c5ccd3;font-size:13px}
main{max-width:1280px;margin:0 auto;padding:18px 24px 40px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(220px,1fr));gap:14px;margin-bottom:16px}
.card,.panel{background:#fff;border:1px solid #e1e4e8;border-radius:8px;padding:14px 16px}
.card .cohort{font-weight:600;text-transform:capitalize;display:flex;align-items:center;gap:8px}
.dot{width:10px;height:10px;border-radius:50%;display:inline-block}
.card .value{font-size:30px;font-weight:650;margin:4px 0 0}.card .sub{color:#6a737d;font-size:12px}
.grid2{display:grid;grid-template-columns:1fr 1fr;gap:14px;margin-bottom:16px}@media(max-width:1000px){.grid2{grid-template-columns:1fr}}
h2{font-size:15px;margin:0 0 8px}p.note{color:#6a737d;font-size:12px;margin:6px 0 0}
svg .grid{stroke:#eef0f2}svg .zero{stroke:#adb5bd;stroke-dasharray:3 3}svg .tick{font-size:10px;fill:#6a737d}
svg .label{font-size:11.5px;fill:#343a40}svg .muted{font-size:10px;fill:#adb5bd}svg .whisker{stroke:#212529;stroke-width:1.2}
table{border-collapse:collapse;width:100%;font-size:12.5px}th,td{padding:5px 8px;border-bottom:1px solid #eef0f2;text-align:left;white-space:nowrap}
th{color:#6a737d;font-weight:600}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}td.title{white-space:normal;min-width:240px;max-width:420px}
.pos{color:#c92a2a}.neg{color:#2b8a3e}.sup{color:#adb5bd}
details{margin-top:8px}summary{cursor:pointer;font-weight:600;padding:4px 0}
.legend{display:flex;gap:14px;font-size:12px;color:#495057;margin-bottom:6px}.legend span{display:flex;align-items:center;gap:5px}
.scroll{max-height:420px;overflow:auto}`;

function taxSpan(cell: Cell | undefined, testId?: string): string {
  const id = testId ? ` data-testid="${escapeHtml(testId)}"` : '';
  if (!cell) return `<span class="sup"${id}>-</span>`;
  if (cell.suppressed) return `<span class="sup"${id} title="${escapeHtml(cell.note ?? '')}">suppressed</span>`;
  if (cell.tax === null) return `<span class="sup"${id} title="${escapeHtml(cell.note ?? '')}">-</span>`;
  return `<span class="${cell.tax > 0 ? 'pos' : 'neg'}"${id} title="${escapeHtml(cellText(cell))}">${percent(cell.tax)}</span>`;
}

function legend(cohorts: string[]): string {
  return `<div class="legend">${cohorts.map((c) => `<span><i class="dot" style="background:${COHORT_COLOURS[c] ?? '#495057'}"></i>${c}</span>`).join('')}<span>0 = human PRs of the same repository and size</span></div>`;
}

function breakdown(title: string, groups: { key: string; cells: Cell[] }[], cohorts: string[], section: string): string {
  const rows = groups
    .map(
      (g) =>
        `<tr><td>${escapeHtml(g.key)}</td>${cohorts
          .map((c) => {
            const cell = g.cells.find((x) => x.cohort === c && x.measure === 'composite');
            return `<td class="num">${taxSpan(cell, `${section}-${g.key}-${c}`)}</td><td class="num">${cell?.n ?? 0}</td>`;
          })
          .join('')}</tr>`,
    )
    .join('');
  return `<div class="panel"><h2>${title}</h2><table><thead><tr><th></th>${cohorts.map((c) => `<th class="num">${c}</th><th class="num">PRs</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

const fmtValue = (v: number | null | undefined) => (v === null || v === undefined ? '-' : Number.isInteger(v) ? String(v) : v.toFixed(2));

function pullRequestTable(report: TrustTaxReport, cohort: string, limit: number): string {
  const rows = report.rows.filter((r) => r.cohort === cohort);
  const cols = report.components;
  const shown = rows.slice(-limit).reverse();
  const body = shown
    .map(
      (r) =>
        `<tr data-pr="${escapeHtml(`${r.repo}#${r.number}`)}"><td>${escapeHtml(r.repo)}#${r.number}</td><td class="title">${escapeHtml(r.title)}</td><td>${escapeHtml(
          r.author ?? r.team,
        )}</td><td>${r.bucket}</td><td>${r.mergedAt.slice(0, 10)}</td>${cols.map((m) => `<td class="num">${fmtValue(r.values[m])}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<details${cohort === 'agent' ? ' open' : ''}><summary>${cohort}: ${rows.length} PRs${rows.length > limit ? ` (latest ${limit} shown)` : ''}</summary><div class="scroll"><table><thead><tr><th>PR</th><th>title</th><th>${
    report.settings.perPerson ? 'author' : 'team'
  }</th><th>size</th><th>merged</th>${cols.map((m) => `<th class="num">${m}</th>`).join('')}</tr></thead><tbody>${body}</tbody></table></div></details>`;
}

function ratioText(r: { hazardRatio: number; low: number; high: number }): string {
  return `${r.hazardRatio.toFixed(2)} [${r.low.toFixed(2)}, ${r.high.toFixed(2)}]`;
}

/** Line survival curves with the hazard ratio, and the review flow beside published figures (context, not targets). */
function survivalPanels(report: TrustTaxReport): string {
  const { survival, flow } = report;
  const ai = survival.hazard?.ratios[0];
  const legendCohorts = survival.curves.map((c) => c.cohort);
  const atRows = survival.curves
    .map(
      (c) =>
        `<tr><td>${c.cohort}</td><td class="num">${c.lines}</td>${c.at
          .map(
            (a) =>
              `<td class="num" data-testid="alive-${c.cohort}-${a.days}">${a.survival === null ? '-' : `${(a.survival * 100).toFixed(1)}%`}</td>`,
          )
          .join('')}</tr>`,
    )
    .join('');
  const reference = (measure: string) =>
    flow.references
      .filter((f) => f.measure === measure)
      .map(
        (f) =>
          // Sources as text, not links: the page points nowhere else.
          `<li>${escapeHtml(f.figure)}: ${escapeHtml(f.source.authors)} ${f.source.year}, <span data-testid="source">${escapeHtml(f.source.url)}</span> <span class="sup">(${escapeHtml(f.caveat)})</span></li>`,
      )
      .join('');
  const flowRows = flow.rows
    .map(
      (r) =>
        `<tr data-testid="flow-${r.cohort}">${flowCells(r)
          .map((v, i) => `<td${i ? ' class="num"' : ''}>${escapeHtml(v)}</td>`)
          .join('')}</tr>`,
    )
    .join('');
  return `<div class="grid2">
<div class="panel"><h2>How long lines survive (Kaplan–Meier)</h2>${legend(legendCohorts)}${survivalChart(survival.curves)}<table><thead><tr><th>cohort</th><th class="num">lines</th>${report.windows
    .map((n) => `<th class="num">alive ${n}d</th>`)
    .join(
      '',
    )}</tr></thead><tbody>${atRows}</tbody></table><p class="note">Hazard ratio of a line being deleted or rewritten, AI against human/unknown lines (Cox, Efron ties, strata by repository, 95% interval robust by PR): <b data-testid="hazard-ai">${
    ai ? ratioText(ai) : 'no fit'
  }</b>. Published for context, not a target:</p><ul class="note">${reference('line_hazard_ratio')}</ul></div>
<div class="panel"><h2>Review flow beside published figures</h2><table><thead><tr>${FLOW_HEADER.map((h, i) => `<th${i ? ' class="num"' : ''}>${h}</th>`).join('')}</tr></thead><tbody>${flowRows}</tbody></table><p class="note">${escapeHtml(
    flow.note,
  )}.</p><ul class="note">${['acceptance', 'time_to_first_review_h', 'review_time_h', 'merged_without_review'].map(reference).join('')}</ul></div>
</div>`;
}

/** The read-only dashboard page: pure HTML + inline SVG, no scripts, nothing fetched from elsewhere. */
export function renderDashboard(report: TrustTaxReport, options: { title?: string; prLimit?: number } = {}): string {
  const cohorts = report.cohorts.map((c) => c.cohort);
  const cards = report.cohorts
    .map(
      (c) =>
        `<div class="card"><div class="cohort"><i class="dot" style="background:${COHORT_COLOURS[c.cohort]}"></i>${c.cohort}</div><div class="value">${taxSpan(
          c.composite,
          `composite-${c.cohort}`,
        )}</div><div class="sub">${
          c.composite.low !== null && c.composite.high !== null
            ? `95% interval ${percent(c.composite.low)} to ${percent(c.composite.high)} · `
            : ''
        }<span data-testid="prs-${c.cohort}">${c.prs}</span> PRs vs ${report.byCohortCount.human} human</div></div>`,
    )
    .join('');
  const componentRows = ['composite', ...report.components].map((measure) => ({
    measure,
    cells: report.cohorts.map((c) => (measure === 'composite' ? c.composite : (c.measures.find((m) => m.measure === measure) as Cell))),
  }));
  const measureTable = `<table><thead><tr><th>measure</th>${cohorts.map((c) => `<th class="num">${c}</th><th class="num">95% interval</th><th class="num">n</th>`).join('')}</tr></thead><tbody>${[
    'composite',
    ...report.measures,
  ]
    .map(
      (m) =>
        `<tr><td>${m}</td>${report.cohorts
          .map((c) => {
            const cell = m === 'composite' ? c.composite : c.measures.find((x) => x.measure === m);
            const interval = cell && cell.low !== null && cell.high !== null ? `${percent(cell.low)} to ${percent(cell.high)}` : '';
            return `<td class="num">${taxSpan(cell, `tax-${c.cohort}-${m}`)}</td><td class="num">${interval}</td><td class="num">${cell?.n ?? 0}</td>`;
          })
          .join('')}</tr>`,
    )
    .join('')}</tbody></table>`;
  const title = escapeHtml(options.title ?? 'trustgate · trust tax');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title><style>${STYLE}</style></head><body>
<header><h1>${title}</h1><span class="meta">${report.pullRequests} merged PRs · as of ${escapeHtml(report.asOf.slice(0, 10))}${
    report.since ? ` · since ${escapeHtml(report.since.slice(0, 10))}` : ''
  } · cells under ${report.settings.minCellPrs} PRs or ${report.settings.minCellAuthors} authors suppressed · ${report.settings.perPerson ? 'per-person view' : 'aggregated by team'}</span></header>
<main>
<div class="cards">${cards || '<div class="card">No AI or unknown-cohort PRs to compare yet.</div>'}</div>
<div class="grid2">
<div class="panel"><h2>Components side by side (95% intervals)</h2>${legend(cohorts)}${componentsChart(componentRows)}<p class="note">Relative excess over human PRs of the same repository and size bucket, directly standardised. Composite = mean of the components.</p></div>
<div class="panel"><h2>Composite trust tax over time</h2>${legend(cohorts)}${overTimeChart(report.overTime)}<p class="note">By month (or quarter, when months are small) of merge; N-day measures count only PRs merged at least N days ago.</p></div>
</div>
<div class="grid2">${breakdown(
    'By repository',
    report.byRepository.map((r) => ({ key: r.repo, cells: r.cells })),
    cohorts,
    'repo',
  )}${breakdown(
    report.byAuthor ? 'By author' : 'By team',
    (report.byAuthor ?? []).length > 0
      ? (report.byAuthor ?? []).map((a) => ({ key: a.author, cells: a.cells }))
      : report.byTeam.map((t) => ({ key: t.team, cells: t.cells })),
    cohorts,
    report.byAuthor ? 'author' : 'team',
  )}</div>
${survivalPanels(report)}
<div class="panel" style="margin-bottom:16px"><h2>Every measure</h2><div class="scroll">${measureTable}</div></div>
<div class="panel"><h2>The PRs behind the numbers</h2>${cohorts.map((c) => pullRequestTable(report, c, options.prLimit ?? 200)).join('')}${
    report.gaps.length > 0
      ? `<p class="note">Ledger gaps (GitHub omitted the patch; those lines are dropped, not guessed): ${report.gaps
          .slice(0, 20)
          .map((g) => `${escapeHtml(g.repo)}:${escapeHtml(g.path)}`)
          .join(', ')}${report.gaps.length > 20 ? ` and ${report.gaps.length - 20} more` : ''}</p>`
      : ''
  }</div>
</main></body></html>`;
}
