import type { DatabaseService } from '@backstage/backend-plugin-api';
import type {
  AccessRequestState,
  Page,
} from '@datamesh/plugin-data-access-common';
import type { Knex } from 'knex';
import { decodeCursor, encodeCursor } from '../database/cursor';
import {
  EVENTS,
  REQUESTS,
  toDate,
  toIso,
  type AccessRequestEventRow,
  type AccessRequestRow,
} from '../database/tables';

/**
 * One request as the mesh metrics need it (Cycle 3, consuming a product, and reuse): when
 * it was asked, decided, handed to delivery and granted. No requester, no purpose: the
 * metrics count and time requests, they do not read them.
 */
export interface RequestMetricsRecord {
  id: string;
  dataProduct: string;
  consumer: string;
  state: AccessRequestState;
  createdAt: string;
  /** When it was approved or rejected. */
  decidedAt?: string;
  decision?: 'approved' | 'rejected';
  /** When delivery first took it (approved -> provisioning). */
  provisioningAt?: string;
  /** When delivery granted it; kept after a revocation or expiry. */
  grantedAt?: string;
}

type TimedRow = Pick<
  AccessRequestRow,
  'id' | 'data_product' | 'consumer' | 'state' | 'created_at'
>;

/**
 * Reads every request with the times of its transitions, taken from the append-only
 * history (the evidence), a page at a time, oldest first by (created_at, id): requests added
 * while a reader pages come after its cursor, so pages neither skip nor repeat.
 */
export class RequestMetricsReader {
  static async create(
    database: DatabaseService,
  ): Promise<RequestMetricsReader> {
    return new RequestMetricsReader(await database.getClient());
  }

  constructor(private readonly db: Knex) {}

  async list(page: {
    cursor?: string;
    limit: number;
  }): Promise<Page<RequestMetricsRecord>> {
    const query = this.db<AccessRequestRow>(REQUESTS).select(
      'id',
      'data_product',
      'consumer',
      'state',
      'created_at',
    );
    if (page.cursor) {
      const after = decodeCursor(page.cursor);
      query.where(newer =>
        newer
          .where('created_at', '>', after.createdAt)
          .orWhere(sameTime =>
            sameTime
              .where('created_at', '=', after.createdAt)
              .andWhere('id', '>', after.id),
          ),
      );
    }
    const rows: TimedRow[] = await query
      .orderBy([
        { column: 'created_at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ])
      .limit(page.limit + 1);

    const items = rows.slice(0, page.limit);
    const times = await this.transitionTimes(items.map(row => row.id));
    const last = items[items.length - 1];
    return {
      items: items.map(row => ({
        id: row.id,
        dataProduct: row.data_product,
        consumer: row.consumer,
        state: row.state,
        createdAt: toIso(row.created_at),
        ...times.get(row.id),
      })),
      nextCursor:
        rows.length > page.limit
          ? encodeCursor({ createdAt: toDate(last.created_at), id: last.id })
          : undefined,
    };
  }

  /** The first time each request entered a decided, provisioning or granted state. */
  private async transitionTimes(ids: string[]) {
    const times = new Map<string, Partial<RequestMetricsRecord>>();
    if (ids.length === 0) {
      return times;
    }
    const events: Pick<
      AccessRequestEventRow,
      'request_id' | 'to_state' | 'at'
    >[] = await this.db<AccessRequestEventRow>(EVENTS)
      .select('request_id', 'to_state', 'at')
      .whereIn('request_id', ids)
      .whereIn('to_state', ['approved', 'rejected', 'provisioning', 'granted'])
      .orderBy('id', 'asc');
    for (const event of events) {
      const record = times.get(event.request_id) ?? {};
      const at = toIso(event.at);
      if (
        (event.to_state === 'approved' || event.to_state === 'rejected') &&
        !record.decidedAt
      ) {
        record.decidedAt = at;
        record.decision = event.to_state;
      } else if (event.to_state === 'provisioning' && !record.provisioningAt) {
        record.provisioningAt = at;
      } else if (event.to_state === 'granted' && !record.grantedAt) {
        record.grantedAt = at;
      }
      times.set(event.request_id, record);
    }
    return times;
  }
}
