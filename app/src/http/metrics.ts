import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * `queued`: stored before and not yet processed (a redelivery, or a replica's copy); `busy`: refused because the
 * backlog was full; `unavailable`: refused because the store did not take the claim in time; `rejected`: refused at
 * the door (signature, headers, body); `failed`: one failed attempt (the job engine retries it).
 */
export type DeliveryMetricOutcome = 'processed' | 'duplicate' | 'queued' | 'ignored' | 'failed' | 'busy' | 'unavailable' | 'rejected';

/**
 * The events a metrics label may name: the App's subscriptions (app.yml) and GitHub's App lifecycle events. Anything
 * else counts as `other`: an unauthenticated request must not create a metrics series of its choosing.
 */
export const EVENT_LABELS: ReadonlySet<string> = new Set([
  'check_run',
  'check_suite',
  'deployment_protection_rule',
  'installation',
  'installation_repositories',
  'issue_comment',
  'merge_group',
  'meta',
  'ping',
  'pull_request',
  'pull_request_review',
  'pull_request_review_comment',
  'push',
]);

/** Prometheus metrics of one App instance (own registry: several instances may share a process in tests). */
export class AppMetrics {
  readonly registry = new Registry();
  readonly deliveries = new Counter({
    name: 'trustgate_app_deliveries_total',
    help: 'Webhook deliveries by event and outcome.',
    labelNames: ['event', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly handlerSeconds = new Histogram({
    name: 'trustgate_app_handler_duration_seconds',
    help: 'Time to process one delivery after it was answered, by event.',
    labelNames: ['event'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly queueDepth = new Gauge({
    name: 'trustgate_app_queue_depth',
    help: 'Stored deliveries waiting to be processed or being processed, in all replicas (as last counted).',
    registers: [this.registry],
  });
  readonly redeliveries = new Counter({
    name: 'trustgate_app_redeliveries_requested_total',
    help: 'Deliveries refused before they were stored that the reconciler asked GitHub to send again.',
    registers: [this.registry],
  });

  delivery(event: string, outcome: DeliveryMetricOutcome): void {
    this.deliveries.inc({ event: this.eventLabel(event), outcome });
  }

  /** `event` when it is one of EVENT_LABELS, else `other`. */
  eventLabel(event: string): string {
    return EVENT_LABELS.has(event) ? event : 'other';
  }
}
