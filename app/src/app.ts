import type { Store } from '@trustgate/metrics';
import type { ApplicationFunction, Context } from 'probot';
import { DEFAULT_LEASE_MS, processOnce } from './deliveries/once.js';
import { AppError } from './errors.js';
import { defaultEngines, type Engines } from './engines/index.js';
import type { GitHub } from './github/types.js';
import { HANDLERS } from './handlers/index.js';
import type { AppMetrics } from './http/metrics.js';

export interface AppDependencies {
  store: Store;
  metrics: AppMetrics;
  engines?: Engines;
  /** How long a claim on a delivery lasts before another worker may take it over (see processOnce). */
  leaseMs?: number;
}

/**
 * The Probot application function: every delivery (Probot has verified its signature) is recorded by delivery id
 * and dispatched to at most one handler, at most once.
 */
export function createApp(deps: AppDependencies): ApplicationFunction {
  const engines = deps.engines ?? defaultEngines;
  return (app) => {
    app.onAny(async (event) => {
      // Probot hands onAny listeners its Context; the webhooks typings only know the bare event.
      const context = event as unknown as Context;
      const payload = context.payload as { action?: unknown; installation?: { id?: unknown }; repository?: { full_name?: unknown } };
      const action = typeof payload.action === 'string' ? payload.action : undefined;
      const key = action ? `${context.name}.${action}` : context.name;
      const handler = HANDLERS[key];
      const started = process.hrtime.bigint();
      const delivery = {
        id: context.id,
        event: context.name,
        ...(action ? { action } : {}),
        ...(typeof payload.installation?.id === 'number' ? { installationId: payload.installation.id } : {}),
        ...(typeof payload.repository?.full_name === 'string' ? { repository: payload.repository.full_name } : {}),
      };
      try {
        const outcome = await processOnce(deps.store, delivery, deps.leaseMs ?? DEFAULT_LEASE_MS, async () => {
          if (!handler) return;
          await handler({
            deliveryId: context.id,
            event: key,
            payload: context.payload,
            github: context.octokit as unknown as GitHub,
            db: deps.store,
            engines,
            log: context.log,
          });
        });
        deps.metrics.delivery(context.name, outcome === 'duplicate' ? 'duplicate' : handler ? 'processed' : 'ignored');
        context.log.info({ delivery: context.id, event: key, outcome }, 'delivery handled');
      } catch (err) {
        deps.metrics.delivery(context.name, 'failed');
        context.log.error({ delivery: context.id, event: key, err: (err as Error).message }, 'delivery failed');
        // Answer 500 whatever GitHub told the handler, so GitHub records the delivery as failed, not as rejected.
        throw new AppError('APP_DELIVERY_FAILED', `delivery ${context.id} (${key}) failed: ${(err as Error).message}`, {
          cause: err,
        });
      } finally {
        deps.metrics.handlerSeconds.observe({ event: context.name }, Number(process.hrtime.bigint() - started) / 1e9);
      }
    });
  };
}
