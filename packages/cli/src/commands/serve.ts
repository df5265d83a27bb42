import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { asTrustgateError, CoreError, type TrustgateError } from '@trustgate/core';
import { defineCommand, EXIT } from '../io.js';
import { serveSpec } from '../specs/serve.js';

/** What went wrong while starting, in the operator's terms: which service was unreachable, which port was taken. */
function startupError(err: unknown, settings: { databaseUrl?: string; port: number; host: string }): TrustgateError {
  const cause = (err as { cause?: unknown } | null)?.cause ?? err;
  const code = (cause as { code?: unknown } | null)?.code;
  if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
    const why = code === 'EADDRINUSE' ? 'is in use' : code === 'EACCES' ? 'needs privileges' : 'is not an address of this machine';
    return new CoreError('IO_ERROR', `cannot listen on ${settings.host}:${settings.port}: it ${why}; set PORT (and HOST) to a free one`, {
      cause: err,
    });
  }
  const network = asTrustgateError(cause);
  if (network.code === 'NETWORK_ERROR' && settings.databaseUrl)
    return new CoreError('NETWORK_ERROR', `PostgreSQL (DATABASE_URL): ${network.message}`, { cause: err });
  return asTrustgateError(err);
}

export default defineCommand(serveSpec, async (_parsed, io) => {
  // The App pulls in Probot; load it only for this command so the other commands stay light.
  const { settingsFromEnv, startServer } = await import('@trustgate/app');
  const settings = settingsFromEnv({ ...io.env });
  if (!settings.databaseUrl) {
    settings.dataDir = resolve(io.cwd, settings.dataDir ?? join('.trustgate', 'data'));
    await mkdir(settings.dataDir, { recursive: true });
  }
  const app = await startServer(settings).catch((err: unknown) => {
    throw startupError(err, settings);
  });
  io.stderr(`trustgate serve: listening on ${app.url} (store: ${settings.databaseUrl ? 'PostgreSQL' : settings.dataDir})\n`);
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      done();
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
  await app.close();
  return EXIT.ok;
});
