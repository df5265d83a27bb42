/** What bin/trustgate.js runs: the bundle, or tsc's dist/main.js when it is missing or stale (entry.js). */
export declare function cliEntry(cli?: string): { file: string; bundled: boolean };
