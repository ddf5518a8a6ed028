import { randomUUID } from 'node:crypto';
import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import type {
  AccessGrant,
  AccessRequest,
  AccessRequestEvent,
  Page,
} from '@datamesh/plugin-data-access-common';
import type { DeliveryOutcome } from '@datamesh/plugin-data-access-node';
import type { Knex } from 'knex';
import type {
  AccessRequestFilter,
  AccessRequestStore,
  NewAccessRequest,
  Transition,
} from './AccessRequestStore';
import { applyTransition } from './applyTransition';
import { decodeCursor, encodeCursor } from './cursor';
import type {
  ClaimedDelivery,
  DeliveryOutboxStore,
  OutboxDelivery,
} from './DeliveryOutboxStore';
import type {
  ClaimedNotification,
  NotificationOutboxStore,
  QueuedNotification,
} from './NotificationOutboxStore';
import {
  enqueueNotification,
  NotificationQueries,
} from './NotificationQueries';
import { OutboxQueries } from './OutboxQueries';
import {
  AccessRequestEventRow,
  AccessRequestRow,
  EVENTS,
  OWNERS,
  REQUESTS,
  toAccessGrant,
  toAccessRequest,
  toAccessRequestEvent,
  toDate,
} from './tables';

const migrationsDir = resolvePackagePath(
  '@datamesh/plugin-data-access-backend',
  'migrations',
);

/**
 * Values per `whereIn` of getMany and grantsOfProducts: well under SQLite's limit of bound
 * parameters.
 */
const GET_MANY_CHUNK = 500;

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    result.push(items.slice(i, i + size));
  }
  return result;
}

/**
 * Access requests, their history and their outboxes of deliveries and notifications in the
 * plugin's own database (SQLite or PostgreSQL), through knex.
 */
export class DatabaseAccessRequestStore
  implements AccessRequestStore, DeliveryOutboxStore, NotificationOutboxStore
{
  static async create(options: {
    database: DatabaseService;
    /** Defaults to the database service's own `migrations.skip`. */
    skipMigrations?: boolean;
  }): Promise<DatabaseAccessRequestStore> {
    const { database } = options;
    const client = await database.getClient();
    if (!(options.skipMigrations ?? database.migrations?.skip)) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseAccessRequestStore(client);
  }

  /** Where the migrations are, for tests that move them up and down. */
  static readonly migrationsDirectory = migrationsDir;

  private readonly outbox: OutboxQueries;
  private readonly notifications: NotificationQueries;

  private constructor(private readonly db: Knex) {
    this.outbox = new OutboxQueries(db);
    this.notifications = new NotificationQueries(db);
  }

  async create(
    request: NewAccessRequest,
  ): Promise<{ request: AccessRequest; created: boolean }> {
    const replayed = await this.findByIdempotencyKey(request);
    if (replayed) {
      return { request: replayed, created: false };
    }

    const now = new Date();
    const owners = [...new Set(request.productOwners)];
    const row: AccessRequestRow = {
      id: randomUUID(),
      requester: request.requester,
      data_product: request.dataProduct,
      output_port: request.outputPort,
      consumer: request.consumer,
      purpose_category: request.purpose.category,
      purpose_text: request.purpose.text,
      end_date: request.endDate ?? null,
      product_owners: JSON.stringify(owners),
      state: 'submitted',
      version: 1,
      created_at: now,
      updated_at: now,
      decided_by: null,
      decided_at: null,
      decision_reason: null,
      granted_at: null,
      delivery_adapter: request.deliveryAdapter,
      delivery_reference: null,
      delivery_external_status: null,
      delivery_attempts: 0,
      delivery_last_error: null,
      idempotency_key: request.idempotencyKey ?? null,
    };
    const event: AccessRequestEventRow = {
      request_id: row.id,
      from_state: null,
      to_state: 'submitted',
      actor: request.requester,
      at: now,
      reason: null,
    };

    try {
      await this.db.transaction(async tx => {
        await tx(REQUESTS).insert(row);
        if (owners.length > 0) {
          await tx(OWNERS).insert(
            owners.map(owner_ref => ({ request_id: row.id, owner_ref })),
          );
        }
        await tx(EVENTS).insert(event);
        if (request.enqueueNotification) {
          await enqueueNotification(
            tx,
            {
              requestId: row.id,
              kind: request.enqueueNotification,
              requestState: row.state,
            },
            now,
          );
        }
      });
    } catch (error) {
      // Two submissions with one key raced: the unique key let one in; answer with it.
      const winner = await this.findByIdempotencyKey(request);
      if (winner) {
        return { request: winner, created: false };
      }
      throw error;
    }
    return { request: toAccessRequest(row), created: true };
  }

  async get(id: string): Promise<AccessRequest | undefined> {
    const row = await this.db<AccessRequestRow>(REQUESTS).where({ id }).first();
    return row && toAccessRequest(row);
  }

  async getMany(ids: string[]): Promise<AccessRequest[]> {
    const requests: AccessRequest[] = [];
    for (const some of chunks(ids, GET_MANY_CHUNK)) {
      const rows = await this.db<AccessRequestRow>(REQUESTS).whereIn(
        'id',
        some,
      );
      requests.push(...rows.map(toAccessRequest));
    }
    return requests;
  }

  async list(
    filter: AccessRequestFilter,
    page: { cursor?: string; limit: number },
  ): Promise<Page<AccessRequest>> {
    const query = this.db<AccessRequestRow>(REQUESTS);
    if (filter.requester) {
      query.where('requester', filter.requester);
    }
    if (filter.dataProduct) {
      query.where('data_product', filter.dataProduct);
    }
    if (filter.states?.length) {
      query.whereIn('state', filter.states);
    }
    if (filter.awaitingOwners) {
      query
        .where('state', 'submitted')
        .whereIn('id', this.requestsOwnedBy(filter.awaitingOwners));
    }
    const visibleTo = filter.visibleTo;
    if (visibleTo && !('all' in visibleTo && visibleTo.all)) {
      const refs = 'refs' in visibleTo ? visibleTo.refs : [];
      query.where(visible =>
        visible
          .whereIn('requester', refs)
          .orWhereIn('id', this.requestsOwnedBy(refs)),
      );
    }
    if (page.cursor) {
      const after = decodeCursor(page.cursor);
      query.where(older =>
        older
          .where('created_at', '<', after.createdAt)
          .orWhere(sameTime =>
            sameTime
              .where('created_at', '=', after.createdAt)
              .andWhere('id', '<', after.id),
          ),
      );
    }

    const rows = await query
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(page.limit + 1);

    const items = rows.slice(0, page.limit);
    const last = items[items.length - 1];
    return {
      items: items.map(toAccessRequest),
      nextCursor:
        rows.length > page.limit
          ? encodeCursor({ createdAt: toDate(last.created_at), id: last.id })
          : undefined,
    };
  }

  async transition(transition: Transition): Promise<AccessRequest> {
    const row = await this.db.transaction(tx =>
      applyTransition(tx, transition, new Date()),
    );
    return toAccessRequest(row);
  }

  async history(id: string): Promise<AccessRequestEvent[]> {
    const rows = await this.db<AccessRequestEventRow>(EVENTS)
      .where('request_id', id)
      .orderBy('id', 'asc');
    if (rows.length === 0 && !(await this.get(id))) {
      throw new NotFoundError(`No access request with id ${id}`);
    }
    return rows.map(toAccessRequestEvent);
  }

  async grants(dataProduct: string): Promise<AccessGrant[]> {
    const rows = await this.db<AccessRequestRow>(REQUESTS)
      .where({ data_product: dataProduct, state: 'granted' })
      .orderBy([
        { column: 'granted_at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ]);
    return rows.map(toAccessGrant);
  }

  async grantsOfProducts(
    dataProducts: string[],
  ): Promise<Map<string, AccessGrant[]>> {
    const grants = new Map(
      dataProducts.map(product => [product, [] as AccessGrant[]]),
    );
    for (const some of chunks([...grants.keys()], GET_MANY_CHUNK)) {
      // The (data_product, state) index serves this as it serves grants().
      const rows = await this.db<AccessRequestRow>(REQUESTS)
        .whereIn('data_product', some)
        .andWhere({ state: 'granted' })
        .orderBy([
          { column: 'granted_at', order: 'asc' },
          { column: 'id', order: 'asc' },
        ]);
      for (const row of rows) {
        grants.get(row.data_product)?.push(toAccessGrant(row));
      }
    }
    return grants;
  }

  claimDueDeliveries(options: {
    limit: number;
    leaseMs: number;
  }): Promise<ClaimedDelivery[]> {
    return this.outbox.claimDue(options.limit, options.leaseMs);
  }

  recordDeliveryOutcome(
    delivery: ClaimedDelivery,
    outcome: DeliveryOutcome,
    options: { actor: string; pollAt: Date },
  ): Promise<boolean> {
    return this.outbox.recordOutcome(delivery, outcome, options);
  }

  rescheduleDelivery(
    delivery: ClaimedDelivery,
    error: string,
    nextAttemptAt: Date,
  ): Promise<boolean> {
    return this.outbox.reschedule(delivery, error, nextAttemptAt);
  }

  markDeliveryDue(deliveryId: string): Promise<boolean> {
    return this.outbox.markDue(deliveryId);
  }

  async findExpiredGrants(
    today: string,
    limit: number,
  ): Promise<AccessRequest[]> {
    const rows = await this.db<AccessRequestRow>(REQUESTS)
      .where('state', 'granted')
      .whereNotNull('end_date')
      .andWhere('end_date', '<', today)
      .orderBy('end_date', 'asc')
      .limit(limit);
    return rows.map(toAccessRequest);
  }

  listDeliveries(requestId: string): Promise<OutboxDelivery[]> {
    return this.outbox.listFor(requestId);
  }

  claimDueNotifications(options: {
    limit: number;
    leaseMs: number;
  }): Promise<ClaimedNotification[]> {
    return this.notifications.claimDue(options.limit, options.leaseMs);
  }

  completeNotification(notification: ClaimedNotification): Promise<boolean> {
    return this.notifications.complete(notification);
  }

  completeNotifications(notifications: ClaimedNotification[]): Promise<number> {
    return this.notifications.completeAll(notifications);
  }

  rescheduleNotification(
    notification: ClaimedNotification,
    error: string,
    nextAttemptAt: Date,
  ): Promise<boolean> {
    return this.notifications.reschedule(notification, error, nextAttemptAt);
  }

  failNotification(
    notification: ClaimedNotification,
    error: string,
  ): Promise<boolean> {
    return this.notifications.fail(notification, error);
  }

  listNotifications(requestId: string): Promise<QueuedNotification[]> {
    return this.notifications.listFor(requestId);
  }

  private requestsOwnedBy(owners: string[]) {
    return this.db(OWNERS).select('request_id').whereIn('owner_ref', owners);
  }

  private async findByIdempotencyKey(
    request: NewAccessRequest,
  ): Promise<AccessRequest | undefined> {
    if (!request.idempotencyKey) {
      return undefined;
    }
    const row = await this.db<AccessRequestRow>(REQUESTS)
      .where({
        requester: request.requester,
        idempotency_key: request.idempotencyKey,
      })
      .first();
    return row && toAccessRequest(row);
  }
}
