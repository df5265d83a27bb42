import { join } from 'node:path';
import { type Command, EXIT } from '../io.js';

const USAGE = `Usage: trustgate serve

Runs the trustgate GitHub App (webhooks at /api/github/webhooks, /healthz, /metrics).
Settings come from the environment: APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET, PORT (3000),
HOST (0.0.0.0), DATABASE_URL (PostgreSQL; default: embedded store in TRUSTGATE_DATA_DIR, .trustgate/data),
GITHUB_API_URL (GitHub Enterprise), LOG_LEVEL, TRUSTGATE_RECONCILE_INTERVAL_MS. See docs/app.md.`;

const serve: Command = {
  name: 'serve',
  summary: 'run the GitHub App',
  usage: USAGE,
  async run(args, io) {
    if (args.includes('--help') || args.includes('-h')) {
      io.stdout(`${USAGE}\n`);
      return EXIT.ok;
    }
    if (args.length > 0) {
      io.stderr(`trustgate serve: unexpected argument ${args[0]}; settings come from the environment (see --help) (code USAGE_ERROR)\n`);
      return EXIT.usage;
    }
    // The App pulls in Probot; load it only for this command so the other commands stay light.
    const { settingsFromEnv, startServer } = await import('@trustgate/app');
    const settings = settingsFromEnv({ ...io.env });
    if (!settings.databaseUrl && !settings.dataDir) settings.dataDir = join(io.cwd, '.trustgate', 'data');
    const app = await startServer(settings);
    io.stderr(`trustgate serve: listening on ${app.url} (store: ${settings.databaseUrl ? 'PostgreSQL' : settings.dataDir})\n`);
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGTERM', stop);
        process.off('SIGINT', stop);
        resolve();
      };
      process.on('SIGTERM', stop);
      process.on('SIGINT', stop);
    });
    await app.close();
    return EXIT.ok;
  },
};

export default serve;
