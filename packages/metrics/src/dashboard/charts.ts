import { percent } from '../report/cells.js';
import type { Cell } from '../trust-tax/evaluate.js';
import { COHORT_COLOURS, escapeHtml } from './html.js';

const fmt = (v: number) => percent(v).replace('.0%', '%');

/** Round tick values: multiples of 25%, 50%, 100%, ... spanning [min, max]. */
function ticksFor(min: number, max: number): number[] {
  const step = [0.25, 0.5, 1, 2, 5].find((s) => (max - min) / s <= 6) ?? 10;
  const out: number[] = [];
  for (let t = Math.ceil(min / step) * step; t <= max + 1e-9; t += step) out.push(Math.round(t * 100) / 100);
  return out;
}

function scale(values: number[], width: number, pad: number): { x: (v: number) => number; min: number; max: number } {
  const lo = Math.max(-3, Math.min(-0.25, ...values));
  const hi = Math.min(6, Math.max(0.25, ...values));
  return { x: (v) => pad + ((Math.min(hi, Math.max(lo, v)) - lo) / (hi - lo)) * (width - pad - 16), min: lo, max: hi };
}

/** Horizontal bars: each measure's trust tax per cohort with its 95% interval, zero = human baseline. */
export function componentsChart(rows: { measure: string; cells: Cell[] }[]): string {
  const cohorts = [...new Set(rows.flatMap((r) => r.cells.map((c) => c.cohort)))];
  const values = rows.flatMap((r) => r.cells.flatMap((c) => [c.tax, c.low, c.high].filter((v): v is number => v !== null)));
  const width = 640;
  const label = 190;
  const band = 14;
  const rowH = cohorts.length * band + 14;
  const height = rows.length * rowH + 30;
  const { x, min, max } = scale(values, width, label);
  const parts = [`<svg viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="Trust tax per measure and cohort">`];
  for (const t of ticksFor(min, max)) {
    parts.push(`<line x1="${x(t)}" x2="${x(t)}" y1="4" y2="${height - 20}" class="${t === 0 ? 'zero' : 'grid'}"/>`);
    parts.push(`<text x="${x(t)}" y="${height - 6}" class="tick" text-anchor="middle">${fmt(t)}</text>`);
  }
  rows.forEach((row, i) => {
    const top = 6 + i * rowH;
    parts.push(
      `<text x="${label - 10}" y="${top + rowH / 2}" class="label" text-anchor="end" dominant-baseline="middle">${escapeHtml(row.measure)}</text>`,
    );
    cohorts.forEach((cohort, j) => {
      const c = row.cells.find((cell) => cell.cohort === cohort);
      const y = top + 4 + j * band;
      const colour = COHORT_COLOURS[cohort] ?? '#495057';
      if (!c || c.tax === null) {
        parts.push(
          `<text x="${x(0) + 4}" y="${y + band / 2}" class="muted" dominant-baseline="middle">${c?.suppressed ? 'suppressed' : 'no baseline'}</text>`,
        );
        return;
      }
      const a = x(Math.min(0, c.tax));
      const b = x(Math.max(0, c.tax));
      parts.push(
        `<rect x="${a}" y="${y + 1}" width="${Math.max(1, b - a)}" height="${band - 4}" rx="2" fill="${colour}" opacity="0.85"><title>${cohort} ${escapeHtml(row.measure)}: ${fmt(c.tax)}</title></rect>`,
      );
      if (c.low !== null && c.high !== null)
        parts.push(`<line x1="${x(c.low)}" x2="${x(c.high)}" y1="${y + band / 2 - 1}" y2="${y + band / 2 - 1}" class="whisker"/>`);
    });
  });
  parts.push('</svg>');
  return parts.join('');
}

/** Composite trust tax per cohort by period, with interval bands. */
export function overTimeChart(periods: { period: string; cells: Cell[] }[]): string {
  const width = 640;
  const height = 330;
  const left = 56;
  const bottom = 28;
  const cohorts = [...new Set(periods.flatMap((p) => p.cells.filter((c) => c.measure === 'composite').map((c) => c.cohort)))];
  const values = periods.flatMap((p) =>
    p.cells.filter((c) => c.measure === 'composite').flatMap((c) => [c.tax, c.low, c.high].filter((v): v is number => v !== null)),
  );
  const lo = Math.max(-3, Math.min(-0.25, ...values));
  const hi = Math.min(6, Math.max(0.25, ...values));
  const y = (v: number) => 10 + (1 - (Math.min(hi, Math.max(lo, v)) - lo) / (hi - lo)) * (height - bottom - 10);
  const step = (width - left - 20) / Math.max(1, periods.length - 1);
  const px = (i: number) => left + (periods.length === 1 ? (width - left) / 2 : i * step);
  const parts = [`<svg viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="Composite trust tax over time">`];
  for (const t of ticksFor(lo, hi)) {
    parts.push(`<line x1="${left}" x2="${width - 10}" y1="${y(t)}" y2="${y(t)}" class="${t === 0 ? 'zero' : 'grid'}"/>`);
    parts.push(`<text x="${left - 6}" y="${y(t)}" class="tick" text-anchor="end" dominant-baseline="middle">${fmt(t)}</text>`);
  }
  periods.forEach((p, i) => {
    parts.push(`<text x="${px(i)}" y="${height - 8}" class="tick" text-anchor="middle">${escapeHtml(p.period)}</text>`);
  });
  cohorts.forEach((cohort, ci) => {
    const colour = COHORT_COLOURS[cohort] ?? '#495057';
    // Nudge each cohort sideways so intervals of the same period do not hide each other.
    const at = (i: number) => px(i) + (ci - (cohorts.length - 1) / 2) * 7;
    const points = periods
      .map((p, i) => ({ i, c: p.cells.find((c) => c.cohort === cohort && c.measure === 'composite') }))
      .filter((p): p is { i: number; c: Cell & { tax: number } } => p.c !== undefined && p.c.tax !== null);
    if (points.length > 1)
      parts.push(
        `<polyline fill="none" stroke="${colour}" stroke-width="2" points="${points.map((p) => `${at(p.i)},${y(p.c.tax)}`).join(' ')}"/>`,
      );
    for (const p of points) {
      if (p.c.low !== null && p.c.high !== null)
        parts.push(
          `<line x1="${at(p.i)}" x2="${at(p.i)}" y1="${y(p.c.low)}" y2="${y(p.c.high)}" stroke="${colour}" opacity="0.35" stroke-width="6"/>`,
        );
      parts.push(
        `<circle cx="${at(p.i)}" cy="${y(p.c.tax)}" r="3.5" fill="${colour}"><title>${cohort} ${escapeHtml(periods[p.i]?.period ?? '')}: ${fmt(p.c.tax)}</title></circle>`,
      );
    }
  });
  if (values.length === 0)
    parts.push(
      `<text x="${(width + left) / 2}" y="${height / 2 - 20}" class="muted" text-anchor="middle">every period is below the suppression threshold</text>`,
    );
  parts.push('</svg>');
  return parts.join('');
}

/** Kaplan–Meier step curves, one per cohort: share of lines still alive by age in days. */
export function survivalChart(curves: { cohort: string; points: { day: number; survival: number }[] }[]): string {
  const width = 640;
  const height = 260;
  const left = 44;
  const bottom = 28;
  const maxDay = Math.max(14, ...curves.flatMap((c) => c.points.map((p) => p.day)));
  const x = (d: number) => left + (d / maxDay) * (width - left - 14);
  const y = (s: number) => 8 + (1 - s) * (height - bottom - 8);
  const parts = [
    `<svg viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="Line survival by cohort" data-testid="survival-chart">`,
  ];
  for (const s of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(`<line x1="${left}" x2="${width - 14}" y1="${y(s)}" y2="${y(s)}" class="grid"/>`);
    parts.push(
      `<text x="${left - 6}" y="${y(s)}" class="tick" text-anchor="end" dominant-baseline="middle">${Math.round(s * 100)}%</text>`,
    );
  }
  const step = maxDay > 180 ? 60 : maxDay > 60 ? 30 : 7;
  for (let d = 0; d <= maxDay; d += step) parts.push(`<text x="${x(d)}" y="${height - 8}" class="tick" text-anchor="middle">${d}d</text>`);
  for (const c of curves) {
    const path = c.points.map((p, i) => {
      const prev = c.points[i - 1];
      return i === 0 ? `M${x(p.day)},${y(p.survival)}` : `H${x(p.day)}${prev && prev.survival !== p.survival ? `V${y(p.survival)}` : ''}`;
    });
    const last = c.points.at(-1);
    parts.push(
      `<path d="${path.join('')}" fill="none" stroke="${COHORT_COLOURS[c.cohort] ?? '#495057'}" stroke-width="2" data-testid="survival-${escapeHtml(c.cohort)}" data-last="${last ? last.survival.toFixed(4) : ''}"><title>${escapeHtml(c.cohort)}: ${last ? `${(last.survival * 100).toFixed(1)}% alive after ${last.day} days` : 'no lines'}</title></path>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}
