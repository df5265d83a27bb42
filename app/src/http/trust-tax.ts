import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  buildTrustTaxReport,
  createDashboardHandler,
  type GaugeSample,
  loadTrustTaxDataset,
  type Store,
  type TrustTaxReport,
  trustTaxGauges,
} from '@trustgate/metrics';

export interface TrustTaxRoutes {
  /** `/dashboard` and `/dashboard/report.json`: read-only, behind the dashboard token. */
  dashboard(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** The headline trust-tax numbers in Prometheus text format, appended to `/metrics`. */
  gauges(): Promise<string>;
}

// The report reads every recorded PR; one build serves the dashboard and the scrapes of the next minute.
const REPORT_TTL_MS = 60_000;

export function trustTaxRoutes(store: Store, token: string | undefined): TrustTaxRoutes {
  let cached: { at: number; report: Promise<TrustTaxReport> } | undefined;
  const load = (): Promise<TrustTaxReport> => {
    if (!cached || Date.now() - cached.at > REPORT_TTL_MS) {
      const report = loadTrustTaxDataset(store).then((data) => buildTrustTaxReport(data));
      cached = { at: Date.now(), report };
      // A failed build is not kept: the next request tries again.
      report.catch(() => {
        if (cached?.report === report) cached = undefined;
      });
    }
    return cached.report;
  };
  return {
    dashboard: createDashboardHandler({ token, load, cacheMs: 0 }),
    gauges: async () => prometheusText(trustTaxGauges(await load())),
  };
}

/** Samples in the Prometheus text exposition format, one HELP/TYPE header per metric name. */
export function prometheusText(samples: readonly GaugeSample[]): string {
  const byName = new Map<string, GaugeSample[]>();
  for (const s of samples) byName.set(s.name, [...(byName.get(s.name) ?? []), s]);
  const lines: string[] = [];
  for (const [name, list] of byName) {
    lines.push(`# HELP ${name} ${list[0]?.help ?? ''}`, `# TYPE ${name} gauge`);
    for (const s of list) {
      const labels = Object.entries(s.labels).map(
        ([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`,
      );
      lines.push(`${name}${labels.length ? `{${labels.join(',')}}` : ''} ${s.value}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
