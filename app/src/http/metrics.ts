import { Counter, Histogram, Registry } from 'prom-client';

export type DeliveryMetricOutcome = 'processed' | 'duplicate' | 'ignored' | 'failed' | 'rejected';

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
    help: 'Time to process one delivery, by event.',
    labelNames: ['event'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly redeliveries = new Counter({
    name: 'trustgate_app_redeliveries_requested_total',
    help: 'Failed deliveries the reconciler asked GitHub to send again.',
    registers: [this.registry],
  });

  delivery(event: string, outcome: DeliveryMetricOutcome): void {
    this.deliveries.inc({ event, outcome });
  }
}
