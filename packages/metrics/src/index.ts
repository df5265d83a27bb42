export { StoreError, type StoreErrorCode } from './store/errors.js';
export { openStore, type StoreOptions } from './store/open.js';
export type { SqlClient, Store } from './store/sql.js';
