/**
 * `@trustgate/app/serve`: what `trustgate serve` starts, without the engines and handlers its main thread never runs
 * (the processing thread loads them); the package index re-exports all of it.
 */
export { type RunningApp, startServer, WEBHOOK_PATH } from './http/server.js';
export { type AppSettings, settingsFromEnv } from './settings.js';
