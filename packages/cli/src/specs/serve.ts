import type { CommandSpec } from '../spec.js';

export const serveSpec = {
  name: 'serve',
  summary: 'run the trustgate GitHub App',
  description:
    'Runs the trustgate GitHub App (webhooks at /api/github/webhooks, /healthz, /metrics).\nSettings come from the environment: APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET, PORT (3000),\nHOST (0.0.0.0), DATABASE_URL (PostgreSQL; default: embedded store in TRUSTGATE_DATA_DIR, .trustgate/data),\nGITHUB_API_URL (GitHub Enterprise), LOG_LEVEL, TRUSTGATE_RECONCILE_INTERVAL_MS. See docs/app.md.',
  options: {},
  exitCodes: 'Exit codes: 0 stopped by SIGTERM/SIGINT, 2 missing or invalid settings (all listed at once).',
} as const satisfies CommandSpec;
