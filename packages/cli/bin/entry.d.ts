/** What bin/trustgate.js runs: the bundle, or tsc's dist/main.js when it is missing or stale (entry.js). */
export declare function cliEntry(cli?: string): { file: string; bundled: boolean };
/** The exports of the CommonJS bundle, run with a V8 code cache kept in cacheDir (entry.js). */
export declare function loadBundle(file: string, cacheDir: string | undefined, label: string): Record<string, unknown>;
