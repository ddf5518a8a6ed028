import type {
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { NotFoundError, stringifyError } from '@backstage/errors';
import type { AccessRequestStore } from '../database/AccessRequestStore';
import type {
  ClaimedNotification,
  NotificationOutboxStore,
} from '../database/NotificationOutboxStore';
import { retryDelayMs } from '../delivery/backoff';
import type { AccessRequestNotifier } from './AccessRequestNotifier';
import { planNotifications, type NotificationToSend } from './notificationPlan';

/** The scheduler task id of the worker. */
export const NOTIFICATION_TASK_ID = 'data-access-notifications';

/** How the notification worker paces itself. */
export interface NotificationWorkerSettings {
  /** How often the scheduler runs the worker (once per tick across replicas). */
  frequencyMs: number;
  /** How long one run may take before the scheduler lets another replica run. */
  timeoutMs: number;
  /** How long a claimed notification is reserved; longer than any send may take. */
  leaseMs: number;
  /** Notifications claimed and sent at once. */
  batchSize: number;
  /** Delay before the first retry of a notification that could not be sent. */
  initialRetryDelayMs: number;
  /** The backoff doubles up to this cap. */
  maxRetryDelayMs: number;
  /** Sends tried before the notification is given up (kept as failed). */
  maxAttempts: number;
}

/**
 * Short enough that people hear of a request within seconds; with these retries a
 * notification is given up only after the notifications backend failed for about 5 hours.
 */
export const DEFAULT_NOTIFICATION_WORKER_SETTINGS: NotificationWorkerSettings =
  {
    frequencyMs: 2_000,
    timeoutMs: 60_000,
    leaseMs: 60_000,
    batchSize: 50,
    initialRetryDelayMs: 5_000,
    maxRetryDelayMs: 30 * 60_000,
    maxAttempts: 20,
  };

/** Enough claim rounds to drain a backlog in one run, few enough to end a run promptly. */
const MAX_ROUNDS_PER_RUN = 20;

export interface NotificationWorkerOptions {
  store: AccessRequestStore & NotificationOutboxStore;
  notifier: AccessRequestNotifier;
  logger: LoggerService;
  /** Wins over the defaults; tests use it to make backoff short. */
  settings?: Partial<NotificationWorkerSettings>;
}

/** What one run did, for logs and tests. */
export interface NotificationRunSummary {
  sent: number;
  retried: number;
  /** Given up after `maxAttempts`: kept in the outbox as failed. */
  failed: number;
  /** Notifications another worker took over because this one was too slow. */
  leaseLost: number;
}

/**
 * Sends the notifications the store queued with each change, so that a request returns as
 * soon as its change is committed, and a notifications backend that fails delays them
 * instead of losing them.
 *
 * Notifications are sent at least once, not exactly once: a worker that dies between the
 * send and the removal of the row leaves it to be claimed and sent again when its lease
 * ends. The row id goes with it as the notification's scope, so that the notifications
 * backend updates the one it has instead of adding a second.
 */
export class NotificationWorker {
  /** Creates the worker and schedules it with the plugin's scheduler. */
  static async start(
    options: NotificationWorkerOptions & { scheduler: SchedulerService },
  ): Promise<NotificationWorker> {
    const worker = new NotificationWorker(options);
    await options.scheduler.scheduleTask({
      id: NOTIFICATION_TASK_ID,
      frequency: { milliseconds: worker.settings.frequencyMs },
      timeout: { milliseconds: worker.settings.timeoutMs },
      scope: 'global',
      fn: async signal => {
        await worker.runOnce(signal);
      },
    });
    return worker;
  }

  readonly settings: NotificationWorkerSettings;
  private readonly store: AccessRequestStore & NotificationOutboxStore;
  private readonly notifier: AccessRequestNotifier;
  private readonly logger: LoggerService;

  constructor(options: NotificationWorkerOptions) {
    this.store = options.store;
    this.notifier = options.notifier;
    this.logger = options.logger;
    this.settings = {
      ...DEFAULT_NOTIFICATION_WORKER_SETTINGS,
      ...options.settings,
    };
  }

  /** One run: sends what is due, a batch at a time, until nothing is left or time is up. */
  async runOnce(signal?: AbortSignal): Promise<NotificationRunSummary> {
    const summary: NotificationRunSummary = {
      sent: 0,
      retried: 0,
      failed: 0,
      leaseLost: 0,
    };
    for (let round = 0; round < MAX_ROUNDS_PER_RUN; round++) {
      if (signal?.aborted) {
        break;
      }
      const batch = await this.store.claimDueNotifications({
        limit: this.settings.batchSize,
        leaseMs: this.settings.leaseMs,
      });
      const requests = new Map(
        (
          await this.store.getMany([...new Set(batch.map(n => n.requestId))])
        ).map(request => [request.id, request]),
      );
      const { digests, lanes } = planNotifications(
        batch.map(notification => ({
          notification,
          request: requests.get(notification.requestId),
        })),
      );
      await Promise.all([
        ...lanes.map(async lane => {
          for (const item of lane) {
            summary[await this.send(item)]++;
          }
        }),
        ...digests.map(async digest => {
          for (const outcome of await this.sendDigest(digest)) {
            summary[outcome]++;
          }
        }),
      ]);
      if (batch.length < this.settings.batchSize) {
        break;
      }
    }
    return summary;
  }

  private async send({
    notification,
    request,
  }: NotificationToSend): Promise<keyof NotificationRunSummary> {
    try {
      if (!request) {
        throw new NotFoundError(
          `Access request ${notification.requestId} is gone`,
        );
      }
      // Told as it was when queued: "approved" stays approved if delivery granted it since.
      await this.notifier.notify(
        notification.kind,
        { ...request, state: notification.requestState },
        { scope: notification.id },
      );
    } catch (error) {
      return this.sendLater(notification, stringifyError(error));
    }
    return this.complete(notification);
  }

  /** New requests to one product, told to its owners at once; retried together. */
  private async sendDigest(
    digest: NotificationToSend[],
  ): Promise<Array<keyof NotificationRunSummary>> {
    try {
      await this.notifier.submittedTogether(
        digest.map(({ notification, request }) => ({
          ...request!,
          state: notification.requestState,
        })),
        { scope: digest[0].notification.id },
      );
    } catch (error) {
      return Promise.all(
        digest.map(({ notification }) =>
          this.sendLater(notification, stringifyError(error)),
        ),
      );
    }
    const notifications = digest.map(({ notification }) => notification);
    let removed: number;
    try {
      removed = await this.store.completeNotifications(notifications);
    } catch (error) {
      // Sent, but still queued: sent again once their lease ends (at least once).
      this.logger.error('Could not remove sent notifications', {
        notificationIds: notifications.map(n => n.id).join(','),
        error: stringifyError(error),
      });
      removed = notifications.length;
    }
    if (removed < notifications.length) {
      this.logger.warn('Notification lease lost; another worker took it over', {
        notificationIds: notifications.map(n => n.id).join(','),
      });
    }
    return notifications.map((_, i) => (i < removed ? 'sent' : 'leaseLost'));
  }

  /** Removes a sent notification from the outbox. */
  private async complete(
    notification: ClaimedNotification,
  ): Promise<keyof NotificationRunSummary> {
    try {
      if (await this.store.completeNotification(notification)) {
        return 'sent';
      }
      // Too slow: its lease ended and another worker claimed it, and may send it again.
      this.logger.warn('Notification lease lost; another worker took it over', {
        notificationId: notification.id,
        requestId: notification.requestId,
      });
      return 'leaseLost';
    } catch (error) {
      // Sent, but still queued: it is sent again once its lease ends (at least once).
      this.logger.error('Could not remove a sent notification', {
        notificationId: notification.id,
        error: stringifyError(error),
      });
      return 'sent';
    }
  }

  private async sendLater(
    notification: ClaimedNotification,
    error: string,
  ): Promise<keyof NotificationRunSummary> {
    const log = {
      notificationId: notification.id,
      requestId: notification.requestId,
      kind: notification.kind,
      attempts: notification.attempts,
      error,
    };
    try {
      if (notification.attempts >= this.settings.maxAttempts) {
        this.logger.warn(
          'Access request notification failed too often; giving up',
          log,
        );
        await this.store.failNotification(notification, error);
        return 'failed';
      }
      const delayMs = retryDelayMs(notification.attempts, {
        initialDelayMs: this.settings.initialRetryDelayMs,
        maxDelayMs: this.settings.maxRetryDelayMs,
      });
      this.logger.warn('Access request notification failed; will retry', {
        ...log,
        retryInMs: delayMs,
      });
      await this.store.rescheduleNotification(
        notification,
        error,
        new Date(Date.now() + delayMs),
      );
    } catch (recordError) {
      // Its lease runs out and another run picks it up: nothing is lost.
      this.logger.error('Could not record that a notification failed', {
        notificationId: notification.id,
        error: stringifyError(recordError),
      });
    }
    return 'retried';
  }
}
