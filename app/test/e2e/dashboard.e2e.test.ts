import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from '@jest/globals';
import { buildTrustTaxReport, importHistory, loadTrustTaxDataset, openStore, type Store } from '@trustgate/metrics';
import { type Harness, startHarness } from './harness.js';

const HISTORY = join(import.meta.dirname, '../../../examples/trust-tax/history.json');

let h: Harness | undefined;
let store: Store | undefined;
afterEach(async () => {
  await h?.close();
  await store?.close();
  h = undefined;
  store = undefined;
});

async function seeded(dashboardToken?: string): Promise<Harness> {
  store = await openStore();
  await importHistory(store, JSON.parse(readFileSync(HISTORY, 'utf8')), HISTORY);
  h = await startHarness({ store, ...(dashboardToken ? { dashboardToken } : {}) });
  return h;
}

describe('trust-tax dashboard and gauges served by the App', () => {
  test('the dashboard is disabled (503) when no token is configured', async () => {
    const { app } = await seeded();
    const res = await fetch(`${app.url}/dashboard`);
    expect(res.status).toBe(503);
    expect(await res.text()).toBe('dashboard disabled: set TRUSTGATE_DASHBOARD_TOKEN to enable it\n');
  });

  test('the dashboard needs the token and shows the same numbers as the report', async () => {
    const { app } = await seeded('s3cret');
    expect((await fetch(`${app.url}/dashboard`)).status).toBe(401);
    expect((await fetch(`${app.url}/dashboard`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    const page = await fetch(`${app.url}/dashboard`, { headers: { authorization: 'Bearer s3cret' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const json = (await (await fetch(`${app.url}/dashboard/report.json?token=s3cret`)).json()) as ReturnType<typeof buildTrustTaxReport>;
    const expected = buildTrustTaxReport(await loadTrustTaxDataset(store as Store), { asOf: json.asOf });
    expect(json.cohorts.map((c) => [c.cohort, c.prs])).toEqual(expected.cohorts.map((c) => [c.cohort, c.prs]));
    expect(json.cohorts.find((c) => c.cohort === 'agent')?.prs).toBe(45);
  });

  test('/metrics carries the headline trust-tax gauges next to the App metrics', async () => {
    const { app } = await seeded();
    const text = await (await fetch(`${app.url}/metrics`)).text();
    expect(text).toContain('# TYPE trustgate_app_deliveries_total counter');
    expect(text).toContain('# TYPE trustgate_trust_tax_prs gauge');
    expect(text).toMatch(/^trustgate_trust_tax_prs\{cohort="agent"\} 45$/m);
    expect(text).toMatch(/^trustgate_trust_tax\{cohort="agent",measure="composite"\} -?\d/m);
  });
});
