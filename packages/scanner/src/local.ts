/**
 * The local-file scan path (`@trustgate/scanner/local`): what `trustgate scan FILE` needs, without the Hub client,
 * source references or ML-BOM, which the CLI loads only for the runs that ask for them. The index re-exports it.
 */
export { DEFAULT_ENDPOINT, isRemoteReference } from './remote/reference.js';
export { type ScanOptions, scanPaths, scanReport, scanSarif, scanStatement, type ScanStatementPredicate } from './scan.js';
