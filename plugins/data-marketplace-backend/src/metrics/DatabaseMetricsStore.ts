import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';
import type {
  CycleEventFilter,
  MetricsStore,
  ReuseSnapshotFilter,
} from './MetricsStore';
import {
  chunked,
  CYCLE_EVENTS,
  CycleEventRow,
  REUSE_SNAPSHOTS,
  ReuseSnapshotDbRow,
  toCycleEvent,
  toCycleEventRow,
  toIso,
  toReuseSnapshotRow,
  VERSION_SIGHTINGS,
  VersionSightingRow,
} from './tables';
import type { CycleEvent, ReuseSnapshotRow, VersionSighting } from './types';

const migrationsDir = resolvePackagePath(
  '@datamesh/plugin-data-marketplace-backend',
  'migrations',
);

/**
 * The mesh metrics in the plugin's own database (SQLite or PostgreSQL), through knex.
 * Every write is an insert that ignores rows already there, or a replacement inside one
 * transaction, so two replicas writing the same facts end with one copy of them.
 */
export class DatabaseMetricsStore implements MetricsStore {
  /**
   * Runs the plugin's migrations (the whole shared folder; a no-op when the plugin already
   * did) unless the database service says to skip them.
   */
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseMetricsStore> {
    const { database } = options;
    const client = await database.getClient();
    if (!(options.skipMigrations ?? database.migrations?.skip)) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseMetricsStore(client);
  }

  /** Where the migrations are, for tests that move them up and down. */
  static readonly migrationsDirectory = migrationsDir;

  constructor(private readonly db: Knex) {}

  async addCycleEvents(events: CycleEvent[]): Promise<number> {
    const fresh: CycleEvent[] = [];
    for (const batch of chunked(events, 200)) {
      const known = new Set(
        (
          await this.db<CycleEventRow>(CYCLE_EVENTS)
            .select('cycle', 'event_key')
            .whereIn(
              'event_key',
              batch.map(event => event.eventKey),
            )
        ).map(row => `${Number(row.cycle)} ${row.event_key}`),
      );
      fresh.push(
        ...batch.filter(
          event => !known.has(`${event.cycle} ${event.eventKey}`),
        ),
      );
    }
    const now = new Date();
    for (const batch of chunked(fresh, 50)) {
      // Another replica may have written some of them meanwhile: theirs stand.
      await this.db(CYCLE_EVENTS)
        .insert(batch.map(event => toCycleEventRow(event, now)))
        .onConflict(['cycle', 'event_key'])
        .ignore();
    }
    return fresh.length;
  }

  async listCycleEvents(filter: CycleEventFilter = {}): Promise<CycleEvent[]> {
    const query = this.db<CycleEventRow>(CYCLE_EVENTS);
    if (filter.cycle !== undefined) {
      query.where('cycle', filter.cycle);
    }
    if (filter.domain !== undefined) {
      query.where('domain', filter.domain);
    }
    if (filter.endedFrom) {
      query.where('ended_at', '>=', filter.endedFrom);
    }
    if (filter.endedBefore) {
      query.where('ended_at', '<', filter.endedBefore);
    }
    const rows = await query.orderBy([
      { column: 'ended_at', order: 'asc' },
      { column: 'cycle', order: 'asc' },
      { column: 'event_key', order: 'asc' },
    ]);
    return rows.map(toCycleEvent);
  }

  async recordVersionSightings(
    sightings: Array<{ productRef: string; version: string }>,
    seenAt: Date,
  ): Promise<void> {
    for (const batch of chunked(sightings, 100)) {
      await this.db(VERSION_SIGHTINGS)
        .insert(
          batch.map(
            (sighting): VersionSightingRow => ({
              product_ref: sighting.productRef,
              version: sighting.version,
              first_seen_at: seenAt,
            }),
          ),
        )
        .onConflict(['product_ref', 'version'])
        .ignore();
    }
  }

  async listVersionSightings(): Promise<VersionSighting[]> {
    const rows = await this.db<VersionSightingRow>(VERSION_SIGHTINGS).orderBy([
      { column: 'first_seen_at', order: 'asc' },
      { column: 'product_ref', order: 'asc' },
      { column: 'version', order: 'asc' },
    ]);
    return rows.map(row => ({
      productRef: row.product_ref,
      version: row.version,
      firstSeenAt: toIso(row.first_seen_at),
    }));
  }

  async saveReuseSnapshot(
    day: string,
    rows: Array<Omit<ReuseSnapshotRow, 'day'>>,
  ): Promise<void> {
    const current = new Set(rows.map(row => row.productRef));
    await this.db.transaction(async tx => {
      // Products that left the catalog since an earlier collection of the day.
      const stale = (
        await tx<ReuseSnapshotDbRow>(REUSE_SNAPSHOTS)
          .select('product_ref')
          .where('day', day)
      )
        .map(row => row.product_ref)
        .filter(ref => !current.has(ref));
      for (const batch of chunked(stale, 200)) {
        await tx(REUSE_SNAPSHOTS)
          .where('day', day)
          .whereIn('product_ref', batch)
          .delete();
      }
      for (const batch of chunked(rows, 100)) {
        await tx(REUSE_SNAPSHOTS)
          .insert(
            batch.map(
              (row): ReuseSnapshotDbRow => ({
                day,
                product_ref: row.productRef,
                domain: row.domain ?? null,
                consumers: row.consumers,
              }),
            ),
          )
          .onConflict(['day', 'product_ref'])
          .merge(['domain', 'consumers']);
      }
    });
  }

  async listReuseSnapshots(
    filter: ReuseSnapshotFilter = {},
  ): Promise<ReuseSnapshotRow[]> {
    const query = this.db<ReuseSnapshotDbRow>(REUSE_SNAPSHOTS);
    if (filter.domain !== undefined) {
      query.where('domain', filter.domain);
    }
    if (filter.fromDay) {
      query.where('day', '>=', filter.fromDay);
    }
    if (filter.toDay) {
      query.where('day', '<=', filter.toDay);
    }
    const rows = await query.orderBy([
      { column: 'day', order: 'asc' },
      { column: 'product_ref', order: 'asc' },
    ]);
    return rows.map(toReuseSnapshotRow);
  }
}
