/** trustgate's version, shown by `--version` and written into reports and statements. */
export const TRUSTGATE_VERSION = '0.1.0';
