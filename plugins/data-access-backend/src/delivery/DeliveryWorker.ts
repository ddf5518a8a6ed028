import type {
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { ConflictError, InputError, stringifyError } from '@backstage/errors';
import type { AccessRequest } from '@datamesh/plugin-data-access-common';
import type {
  DeliveryAdapter,
  DeliveryOutcome,
} from '@datamesh/plugin-data-access-node';
import type { AccessRequestStore } from '../database/AccessRequestStore';
import type {
  ClaimedDelivery,
  DeliveryOutboxStore,
} from '../database/DeliveryOutboxStore';
import { retryDelayMs } from './backoff';
import { DeliveryWorkerSettings, readDeliveryWorkerSettings } from './config';

/** Who the history names for what delivery did. */
export const DELIVERY_ACTOR = 'plugin:data-access';

/** The scheduler task id of the worker. */
export const DELIVERY_TASK_ID = 'data-access-delivery';

/** Enough claim rounds to drain a backlog in one run, few enough to end a run promptly. */
const MAX_ROUNDS_PER_RUN = 20;
const EXPIRY_BATCH = 100;

export interface DeliveryWorkerOptions {
  store: AccessRequestStore & DeliveryOutboxStore;
  adapters: Iterable<DeliveryAdapter>;
  logger: LoggerService;
  /** The root config; `dataAccess.delivery` tunes the pacing. */
  config?: Config;
  /** Wins over config; tests use it to make backoff short. */
  settings?: Partial<DeliveryWorkerSettings>;
  /**
   * Told after the worker changed a request's state (granted, failed, expired), e.g. to
   * refresh the product's consumers in the catalog. Its errors are logged and change
   * nothing. (The requester's notification is queued with the change itself.)
   */
  onStateChanged?: (request: AccessRequest) => Promise<void>;
}

/** What one run did, for logs and tests. */
export interface DeliveryRunSummary {
  expired: number;
  done: number;
  pending: number;
  failed: number;
  retried: number;
  /** Deliveries another worker took over because this one was too slow: nothing recorded. */
  leaseLost: number;
}

/**
 * Hands queued deliveries to their delivery adapters and records the answers; expires
 * time-bound grants and queues their revocation. Runs as a scheduled task, once per tick
 * across replicas; claiming is also safe on its own, so two workers never deliver one row.
 */
export class DeliveryWorker {
  /** Creates the worker and schedules it with the plugin's scheduler. */
  static async start(
    options: DeliveryWorkerOptions & { scheduler: SchedulerService },
  ): Promise<DeliveryWorker> {
    const worker = new DeliveryWorker(options);
    await options.scheduler.scheduleTask({
      id: DELIVERY_TASK_ID,
      frequency: { milliseconds: worker.settings.frequencyMs },
      timeout: { milliseconds: worker.settings.timeoutMs },
      scope: 'global',
      fn: async signal => {
        await worker.runOnce(signal);
      },
    });
    return worker;
  }

  readonly settings: DeliveryWorkerSettings;
  private readonly store: AccessRequestStore & DeliveryOutboxStore;
  private readonly adapters = new Map<string, DeliveryAdapter>();
  private readonly logger: LoggerService;
  private readonly onStateChanged?: (request: AccessRequest) => Promise<void>;

  constructor(options: DeliveryWorkerOptions) {
    this.store = options.store;
    this.logger = options.logger;
    this.onStateChanged = options.onStateChanged;
    this.settings = {
      ...readDeliveryWorkerSettings(options.config),
      ...options.settings,
    };
    for (const adapter of options.adapters) {
      if (this.adapters.has(adapter.id)) {
        throw new InputError(
          `Two delivery adapters have the id '${adapter.id}'`,
        );
      }
      this.adapters.set(adapter.id, adapter);
    }
  }

  /** One run: expire what is due, then deliver what is due. */
  async runOnce(signal?: AbortSignal): Promise<DeliveryRunSummary> {
    const summary: DeliveryRunSummary = {
      expired: await this.expireGrants(),
      done: 0,
      pending: 0,
      failed: 0,
      retried: 0,
      leaseLost: 0,
    };
    for (let round = 0; round < MAX_ROUNDS_PER_RUN; round++) {
      if (signal?.aborted) {
        break;
      }
      const batch = await this.store.claimDueDeliveries({
        limit: this.settings.batchSize,
        leaseMs: this.settings.leaseMs,
      });
      const results = await Promise.all(batch.map(d => this.deliver(d)));
      for (const result of results) {
        summary[result]++;
      }
      if (batch.length < this.settings.batchSize) {
        break;
      }
    }
    return summary;
  }

  private async expireGrants(): Promise<number> {
    const today = new Date().toISOString().slice(0, 10);
    const grants = await this.store.findExpiredGrants(today, EXPIRY_BATCH);
    let expired = 0;
    for (const grant of grants) {
      try {
        const expiredRequest = await this.store.transition({
          id: grant.id,
          expectedVersion: grant.version,
          from: ['granted'],
          to: 'expired',
          actor: DELIVERY_ACTOR,
          reason: `The end date ${grant.endDate} has passed`,
          enqueueDelivery: 'revoke',
          enqueueNotification: 'delivery-updated',
        });
        expired++;
        this.logger.info('Expired access grant', {
          id: grant.id,
          dataProduct: grant.dataProduct,
          endDate: grant.endDate ?? null,
        });
        await this.tell(expiredRequest);
      } catch (error) {
        // A conflict: revoked by its owner meanwhile, nothing left to expire. Anything else
        // is tried again next run, and must not hold up the deliveries of this one.
        if (!(error instanceof ConflictError)) {
          this.logger.error('Could not expire an access grant', {
            id: grant.id,
            error: stringifyError(error),
          });
        }
      }
    }
    return expired;
  }

  private async deliver(
    delivery: ClaimedDelivery,
  ): Promise<Exclude<keyof DeliveryRunSummary, 'expired'>> {
    const log = { deliveryId: delivery.id, requestId: delivery.requestId };
    try {
      const outcome = await this.callAdapter(delivery);
      const recorded = await this.store.recordDeliveryOutcome(
        delivery,
        outcome,
        {
          actor: DELIVERY_ACTOR,
          pollAt: new Date(Date.now() + this.settings.pollIntervalMs),
        },
      );
      if (!recorded) {
        this.logger.warn(
          'Delivery lease lost; another worker took it over',
          log,
        );
        return 'leaseLost';
      }
      this.logger.info(`Delivery ${delivery.action}: ${outcome.status}`, {
        ...log,
        adapter: delivery.adapter,
        reference: outcome.reference ?? null,
      });
      if (delivery.action === 'grant' && outcome.status !== 'pending') {
        await this.tell(delivery.requestId);
      }
      return outcome.status;
    } catch (error) {
      const message = stringifyError(error);
      const delayMs = retryDelayMs(delivery.failures + 1, {
        initialDelayMs: this.settings.initialRetryDelayMs,
        maxDelayMs: this.settings.maxRetryDelayMs,
      });
      this.logger.warn('Delivery failed; will retry', {
        ...log,
        adapter: delivery.adapter,
        attempts: delivery.attempts,
        retryInMs: delayMs,
        error: message,
      });
      try {
        await this.store.rescheduleDelivery(
          delivery,
          message,
          new Date(Date.now() + delayMs),
        );
      } catch (rescheduleError) {
        // Its lease runs out and another run picks it up: nothing is lost.
        this.logger.error('Could not reschedule a delivery', {
          ...log,
          error: stringifyError(rescheduleError),
        });
      }
      return 'retried';
    }
  }

  /** Its failures are only logged: the change is committed whatever happens here. */
  private async tell(requestOrId: AccessRequest | string): Promise<void> {
    if (!this.onStateChanged) {
      return;
    }
    const id = typeof requestOrId === 'string' ? requestOrId : requestOrId.id;
    try {
      const request =
        typeof requestOrId === 'string'
          ? await this.store.get(requestOrId)
          : requestOrId;
      if (request) {
        await this.onStateChanged(request);
      }
    } catch (error) {
      this.logger.warn('Could not tell about a changed access request', {
        requestId: id,
        error: stringifyError(error),
      });
    }
  }

  /** Asks the adapter; any throw means "could not reach the delivery system". */
  private async callAdapter(
    delivery: ClaimedDelivery,
  ): Promise<DeliveryOutcome> {
    const adapter = this.adapters.get(delivery.adapter);
    if (!adapter) {
      throw new Error(
        `No delivery adapter '${delivery.adapter}' is installed; known: ${
          [...this.adapters.keys()].join(', ') || 'none'
        }`,
      );
    }
    const request = await this.requestToDeliver(delivery);
    let outcome: DeliveryOutcome;
    if (delivery.reference) {
      if (!adapter.poll) {
        throw new Error(
          `Delivery adapter '${adapter.id}' answered pending but cannot be polled`,
        );
      }
      outcome = await adapter.poll(
        request,
        delivery.action,
        delivery.reference,
      );
    } else {
      outcome = await adapter.deliver(request, delivery.action, delivery.id);
    }
    if (outcome?.status === 'pending' && !outcome.reference) {
      throw new Error(
        `Delivery adapter '${adapter.id}' answered pending without a reference to poll`,
      );
    }
    if (!['done', 'pending', 'failed'].includes(outcome?.status)) {
      throw new Error(`Delivery adapter '${adapter.id}' gave no outcome`);
    }
    return outcome;
  }

  /** A grant's first attempt moves the request from approved to provisioning. */
  private async requestToDeliver(
    delivery: ClaimedDelivery,
  ): Promise<AccessRequest> {
    const request = await this.store.get(delivery.requestId);
    if (!request) {
      throw new Error(`Access request ${delivery.requestId} is gone`);
    }
    if (delivery.action === 'grant' && request.state === 'approved') {
      return this.store.transition({
        id: request.id,
        expectedVersion: request.version,
        from: ['approved'],
        to: 'provisioning',
        actor: DELIVERY_ACTOR,
      });
    }
    return request;
  }
}
