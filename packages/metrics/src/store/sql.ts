/** The SQL surface every store user codes against; PGlite (embedded) and PostgreSQL (by URL) both provide it. */
export interface SqlClient {
  query<T extends object = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<{ rows: T[] }>;
  /** Run `fn` in one transaction: all its writes land, or none do. */
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>;
}

export interface Store extends SqlClient {
  readonly kind: 'pglite' | 'postgres';
  /**
   * The embedded store only: run a script of statements without parameters (a job engine's migrations), every
   * statement's rows in order.
   */
  exec?(sql: string): Promise<{ rows: object[] }>;
  close(): Promise<void>;
}
