import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from '@jest/globals';
import { buildTrustTaxReport, createDashboardHandler, renderDashboard, trustTaxGauges } from '@trustgate/metrics';
import { syntheticDataset } from '../fixtures/dataset.js';
import { ASOF } from '../fixtures/history.js';

const report = () => {
  const data = syntheticDataset();
  data.pullRequests = data.pullRequests.map((p) =>
    p.number === 2 ? { ...p, title: '<script>alert(1)</script>', team: '"><img src=x>' } : p,
  );
  return buildTrustTaxReport(data, { asOf: ASOF, minCellPrs: 1, minCellAuthors: 1, bootstrap: 50 });
};

describe('dashboard page', () => {
  it('escapes PR titles and team names, and loads nothing from elsewhere', () => {
    const html = renderDashboard(report());
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('exports headline gauges without suppressed or undefined cells', () => {
    const samples = trustTaxGauges(report());
    expect(samples).toContainEqual({ name: 'trustgate_trust_tax_prs', help: expect.any(String), labels: { cohort: 'agent' }, value: 2 });
    const ci = samples.find(
      (s) => s.name === 'trustgate_trust_tax' && s.labels.measure === 'ci_failure_rate' && s.labels.cohort === 'agent',
    );
    expect(ci?.value).toBeCloseTo(1 / 6, 12);
    expect(samples.some((s) => s.labels.measure === 'review_rounds' && s.labels.cohort === 'agent')).toBe(false);
    expect(samples.find((s) => s.name === 'trustgate_trust_tax_ledger_gaps')?.value).toBe(1);
    expect(trustTaxGauges(buildTrustTaxReport(syntheticDataset(), { asOf: ASOF })).filter((s) => s.name === 'trustgate_trust_tax')).toEqual(
      [],
    );
  });

  it('is disabled without a configured token and serves JSON with one', async () => {
    const serve = async (token: string | undefined, path: string, auth?: string) => {
      const handler = createDashboardHandler({ token, load: async () => report() });
      const server = createServer((req, res) => void handler(req, res));
      await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
      try {
        const res = await fetch(
          `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`,
          auth ? { headers: { authorization: auth } } : {},
        );
        return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
      } finally {
        await new Promise((ok) => server.close(ok));
      }
    };
    expect((await serve(undefined, '/dashboard?token=')).status).toBe(503);
    const json = await serve('t0k', '/dashboard/report.json', 'Bearer t0k');
    expect(json.status).toBe(200);
    expect(JSON.parse(json.body).pullRequests).toBe(8);
    expect((await serve('t0k', '/dashboard', 'Bearer nope')).status).toBe(401);
  });
});
