import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TrustTaxReport } from '../trust-tax/report.js';
import { renderDashboard } from './render.js';

export interface DashboardOptions {
  /** Builds the report (e.g. load the store, then buildTrustTaxReport); called at most once per `cacheMs`. */
  load: () => Promise<TrustTaxReport>;
  /** Required: requests must carry `Authorization: Bearer <token>` or `?token=<token>`. */
  token: string | undefined;
  cacheMs?: number;
  title?: string;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * `(req, res)` for the App to mount at /dashboard: GET only, behind a token (no token configured = disabled),
 * HTML by default, the report as JSON at `.../report.json` or `?format=json`.
 */
export function createDashboardHandler(options: DashboardOptions): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  let cached: { at: number; report: Promise<TrustTaxReport> } | undefined;
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://dashboard');
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, {
        'content-type': type,
        'cache-control': 'no-store',
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      });
      res.end(body);
    };
    if (!options.token) return send(503, 'text/plain; charset=utf-8', 'dashboard disabled: set TRUSTGATE_DASHBOARD_TOKEN to enable it\n');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'text/plain; charset=utf-8', 'read-only: GET only\n');
    const header = req.headers.authorization ?? '';
    const given = header.startsWith('Bearer ') ? header.slice(7) : (url.searchParams.get('token') ?? '');
    if (!timingSafeEqual(digest(given), digest(options.token)))
      return send(401, 'text/plain; charset=utf-8', 'unauthorised: pass the dashboard token\n');
    const now = Date.now();
    if (!cached || now - cached.at > (options.cacheMs ?? 60_000)) cached = { at: now, report: options.load() };
    let report: TrustTaxReport;
    try {
      report = await cached.report;
    } catch (err) {
      cached = undefined;
      return send(500, 'text/plain; charset=utf-8', `trust-tax report failed: ${(err as Error).message}\n`);
    }
    if (url.pathname.endsWith('/report.json') || url.searchParams.get('format') === 'json')
      return send(200, 'application/json; charset=utf-8', JSON.stringify(report));
    return send(200, 'text/html; charset=utf-8', renderDashboard(report, options.title ? { title: options.title } : {}));
  };
}
