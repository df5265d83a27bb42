import { mkdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { asTrustgateError, CoreError, type TrustgateError } from '@trustgate/core';
import { defineCommand, EXIT } from '../io.js';
import { serveSpec } from '../specs/serve.js';

/** What went wrong while starting, in the operator's terms: which service was unreachable, which port was taken. */
function startupError(err: unknown, settings: { databaseUrl?: string; port: number; host: string }): TrustgateError {
  const cause = (err as { cause?: unknown } | null)?.cause ?? err;
  const { code, hostname } = (cause ?? {}) as { code?: unknown; hostname?: unknown };
  // HOST that does not resolve fails the listen with a lookup error about HOST itself, not a network problem.
  const unresolvedHost = (code === 'ENOTFOUND' || code === 'EAI_AGAIN') && hostname === settings.host;
  if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL' || unresolvedHost) {
    const why =
      code === 'EADDRINUSE'
        ? 'is in use'
        : code === 'EACCES'
          ? 'needs privileges'
          : unresolvedHost
            ? 'names a host that does not resolve'
            : 'is not an address of this machine';
    return new CoreError('IO_ERROR', `cannot listen on ${settings.host}:${settings.port}: it ${why}; set PORT (and HOST) to a free one`, {
      cause: err,
    });
  }
  const network = asTrustgateError(cause);
  if (network.code === 'NETWORK_ERROR' && settings.databaseUrl)
    return new CoreError('NETWORK_ERROR', `PostgreSQL (DATABASE_URL): ${network.message}`, { cause: err });
  return asTrustgateError(err);
}

/**
 * V8 doubles a heap's young generation whenever a scavenge finds most of it alive, as it does while the App's modules
 * load, and keeps it for the life of the process: the webhook server's heap was 62 MB at idle, 37 MB with the young
 * generation left at its initial size (processing CPU per delivery unchanged within noise). Only a start-up flag can
 * bound the main thread's; this one is read as the heap grows, so it is set before the App loads (all threads).
 */
function keepYoungGenerationSmall(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}

/** The embedded store's directory, created with its parents; a file in its place is named as such. */
async function dataDirectory(dir: string): Promise<string> {
  const existing = await stat(dir).catch(() => undefined);
  if (existing && !existing.isDirectory())
    throw new CoreError(
      'NOT_A_DIRECTORY',
      `TRUSTGATE_DATA_DIR ${dir} is not a directory; point TRUSTGATE_DATA_DIR at one (or set DATABASE_URL)`,
      {
        file: dir,
      },
    );
  await mkdir(dir, { recursive: true }).catch((err: unknown) => {
    throw new CoreError('IO_ERROR', `TRUSTGATE_DATA_DIR: ${asTrustgateError(err, dir).message}`, { cause: err, file: dir });
  });
  return dir;
}

export default defineCommand(serveSpec, async (_parsed, io) => {
  keepYoungGenerationSmall();
  // The App pulls in Probot; load it only for this command so the other commands stay light.
  const { settingsFromEnv, startServer } = await import('@trustgate/app/serve');
  const settings = settingsFromEnv({ ...io.env });
  if (!settings.databaseUrl) settings.dataDir = await dataDirectory(resolve(io.cwd, settings.dataDir ?? join('.trustgate', 'data')));
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
