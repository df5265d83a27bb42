/**
 * `@trustgate/metrics/store`: the store and its deliveries alone, without the reports, ledgers and their schemas, for
 * the threads of the App that only open and query it (the package index re-exports all of it).
 */
export { StoreError, type StoreErrorCode } from './errors.js';
export { openStore, type StoreOptions, type StoreTimeouts } from './open.js';
export type { SqlClient, Store } from './sql.js';
