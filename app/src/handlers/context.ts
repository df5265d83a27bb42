import type { SqlClient } from '@trustgate/metrics';
import type { Engines } from '../engines/index.js';
import type { GitHub, RepoRef } from '../github/types.js';

export interface Logger {
  info(fields: object, msg: string): void;
  warn(fields: object, msg: string): void;
  error(fields: object, msg: string): void;
}

/** Everything a handler may use: one delivery, one transaction, the engines, and GitHub. */
export interface HandlerContext<P = unknown> {
  deliveryId: string;
  event: string;
  payload: P;
  github: GitHub;
  /** The store; writes are keyed (delivery, pull request, head commit) so a rerun after a crash counts nothing twice. */
  db: SqlClient;
  engines: Engines;
  log: Logger;
  /** The App's own id, when known: its check runs are found by it, so a retried delivery updates them in place. */
  appId?: number;
}

export type Handler<P = unknown> = (ctx: HandlerContext<P>) => Promise<void>;

/** Owner and name from a webhook payload's `repository`, checked because a payload may lack it. */
export function repoOf(payload: unknown): RepoRef {
  const r = (payload as { repository?: { name?: unknown; owner?: { login?: unknown } } }).repository;
  if (typeof r?.name !== 'string' || typeof r.owner?.login !== 'string') throw new TypeError('payload has no repository');
  return { owner: r.owner.login, repo: r.name };
}
