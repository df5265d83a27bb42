import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  buildTrustTaxReport,
  createDashboardHandler,
  loadTrustTaxDataset,
  openStore,
  percent,
  type Store,
  type TrustTaxReport,
} from '@trustgate/metrics';
import { chromium } from 'playwright-core';
import { runCli } from '../support/cli.js';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = resolve(import.meta.dirname, '../..');
const AS_OF = '2026-08-01T00:00:00.000Z';
const TOKEN = 'test-dashboard-token';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.CI === 'true') throw new Error(`${CHROMIUM} is missing; CI must install chromium for the dashboard test`);

function cli(args: string[]) {
  return runCli(['trust-tax', ...args], { cwd: ROOT });
}

(haveChromium ? describe : describe.skip)('trust-tax dashboard in headless Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'trustgate-dashboard-'));
  const dataDir = join(dir, 'data');
  let store: Store;
  let server: Server;
  let base: string;
  let fromCli: TrustTaxReport;

  beforeAll(async () => {
    expect((await cli(['seed-demo', '--prs', '700', '--data-dir', dataDir])).code).toBe(0);
    const json = await cli(['--data-dir', dataDir, '--as-of', AS_OF, '--format', 'json']);
    expect(json.code).toBe(0);
    fromCli = JSON.parse(json.stdout) as TrustTaxReport;
    store = await openStore({ dataDir });
    const handler = createDashboardHandler({
      token: TOKEN,
      load: async () => buildTrustTaxReport(await loadTrustTaxDataset(store), { asOf: AS_OF }),
    });
    server = createServer((req, res) => {
      if (req.url?.startsWith('/dashboard')) void handler(req, res);
      else res.writeHead(404).end();
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 120_000);

  afterAll(async () => {
    await new Promise((ok) => server?.close(ok));
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses requests without the token', async () => {
    expect((await fetch(`${base}/dashboard`)).status).toBe(401);
    expect((await fetch(`${base}/dashboard?token=wrong`)).status).toBe(401);
    expect((await fetch(`${base}/dashboard`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(405);
  });

  it('shows the numbers of the report command, charts drawn in the page, and looks right on a laptop', async () => {
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      const response = await page.goto(`${base}/dashboard?token=${TOKEN}`);
      expect(response?.status()).toBe(200);
      expect(fromCli.cohorts.map((c) => c.cohort)).toEqual(['agent', 'assisted', 'unknown']);
      for (const cohort of fromCli.cohorts) {
        expect(await page.getByTestId(`composite-${cohort.cohort}`).textContent()).toBe(
          cohort.composite.suppressed ? 'suppressed' : percent(cohort.composite.tax),
        );
        expect(await page.getByTestId(`prs-${cohort.cohort}`).textContent()).toBe(String(cohort.prs));
        for (const cell of cohort.measures) {
          const shown = await page.getByTestId(`tax-${cohort.cohort}-${cell.measure}`).textContent();
          expect([cell.measure, shown]).toEqual([
            cell.measure,
            cell.suppressed ? 'suppressed' : cell.tax === null ? '-' : percent(cell.tax),
          ]);
        }
      }
      const agentTax = fromCli.cohorts[0]?.composite.tax;
      expect(agentTax).not.toBeNull();
      // Line survival: one Kaplan–Meier curve per cohort with lines, the N-day figures and the hazard ratio of the report.
      expect(fromCli.survival.curves.length).toBeGreaterThan(1);
      for (const curve of fromCli.survival.curves) {
        const last = curve.points.at(-1)?.survival as number;
        expect(await page.getByTestId(`survival-${curve.cohort}`).getAttribute('data-last')).toBe(last.toFixed(4));
        for (const a of curve.at)
          expect(await page.getByTestId(`alive-${curve.cohort}-${a.days}`).textContent()).toBe(
            a.survival === null ? '-' : `${(a.survival * 100).toFixed(1)}%`,
          );
      }
      const ai = fromCli.survival.hazard?.ratios[0];
      expect(await page.getByTestId('hazard-ai').textContent()).toBe(
        ai ? `${ai.hazardRatio.toFixed(2)} [${ai.low.toFixed(2)}, ${ai.high.toFixed(2)}]` : 'no fit',
      );
      const box = await page.getByTestId('survival-chart').boundingBox();
      expect(box?.width).toBeGreaterThan(300);
      // Review flow beside the published figures, each with its source.
      for (const row of fromCli.flow.rows) await expect(page.getByTestId(`flow-${row.cohort}`).count()).resolves.toBe(1);
      expect(await page.getByTestId('source').allTextContents()).toContain('https://arxiv.org/abs/2601.16809');
      expect(await page.locator('svg').count()).toBe(3);
      expect(await page.locator('svg rect').count()).toBeGreaterThan(10);
      expect(await page.locator('tr[data-pr]').count()).toBeGreaterThan(100);
      expect(requests.every((u) => u.startsWith(base))).toBe(true);
      mkdirSync(join(ROOT, 'test-artifacts'), { recursive: true });
      await page.screenshot({ path: join(ROOT, 'test-artifacts', 'trust-tax-dashboard.png'), fullPage: false });
      await page.screenshot({ path: join(ROOT, 'test-artifacts', 'trust-tax-dashboard-full.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  }, 120_000);
});
