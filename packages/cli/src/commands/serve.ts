import { join } from 'node:path';
import { defineCommand, EXIT } from '../io.js';
import { serveSpec } from '../specs/serve.js';

export default defineCommand(serveSpec, async (_parsed, io) => {
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
});
