import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** `in-flight`: claimed by another worker; `busy`: refused because the work queue was full; `rejected`: bad signature. */
export type DeliveryMetricOutcome = 'processed' | 'duplicate' | 'in-flight' | 'ignored' | 'failed' | 'busy' | 'rejected';

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
    help: 'Claimed deliveries being processed or waiting to be, in this instance.',
    registers: [this.registry],
  });
  readonly redeliveries = new Counter({
    name: 'trustgate_app_redeliveries_requested_total',
    help: 'Failed or abandoned deliveries the reconciler asked GitHub to send again.',
    registers: [this.registry],
  });

  delivery(event: string, outcome: DeliveryMetricOutcome): void {
    this.deliveries.inc({ event, outcome });
  }
}
