import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';

/** A worker's hold on the rows it claimed, until it records what happened or it expires. */
export interface Lease {
  lease_token: string;
  lease_expires_at: Date;
}

/**
 * Claims up to `limit` due rows of an outbox table (the delivery outbox, the notification
 * outbox) for `leaseMs`: sets a fresh lease on them and counts the attempt. `due` narrows a
 * query to rows that are due now and not held by a live lease; it is applied again to each
 * claim, so a row is never claimed by two workers. Returns the claimed rows and the lease.
 */
export async function claimDueRows<Row>(
  db: Knex,
  options: {
    table: string;
    due: (query: Knex.QueryBuilder, now: Date) => Knex.QueryBuilder;
    /** Which due rows come first; the earliest due by default. */
    orderBy?: string[];
    limit: number;
    leaseMs: number;
  },
): Promise<{ rows: Row[]; lease: Lease }> {
  const now = new Date();
  const lease: Lease = {
    lease_token: randomUUID(),
    lease_expires_at: new Date(now.getTime() + options.leaseMs),
  };
  const claim = { ...lease, attempts: db.raw('attempts + 1') };
  const candidates = () =>
    options
      .due(db(options.table).select('id'), now)
      .orderBy(options.orderBy ?? ['next_attempt_at'])
      .limit(options.limit);

  if (db.client.dialect === 'postgresql') {
    // One statement: rows another worker is claiming right now are skipped, not waited for.
    const rows = (await db(options.table)
      .whereIn('id', candidates().forUpdate().skipLocked())
      .update(claim)
      .returning('*')) as Row[];
    return { rows, lease };
  }

  // Without SKIP LOCKED: each row is claimed by a conditional UPDATE that repeats the
  // due-and-free check, so of two workers racing for a row only one changes it.
  const claimed: string[] = [];
  for (const { id } of (await candidates()) as { id: string }[]) {
    const updated = await options
      .due(db(options.table).where('id', id), now)
      .update(claim);
    if (updated === 1) {
      claimed.push(id);
    }
  }
  const rows = claimed.length
    ? ((await db(options.table).whereIn('id', claimed)) as Row[])
    : [];
  return { rows, lease };
}
