// @ts-check

/**
 * The mesh metrics: measured cycles (creating, updating and consuming a data product), the
 * versions of each product as the catalog showed them, and a daily count of each product's
 * consumers (reuse).
 *
 * Every table has a natural key, so that a collection run that repeats (a retried tick, a
 * second replica) writes the same rows again instead of adding new ones. Timestamps are
 * written from the application clock (millisecond precision); SQLite keeps them as epoch
 * milliseconds, PostgreSQL as timestamptz.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('metrics_cycle_events', table => {
    table.comment(
      'One measured lead time each: a product created (cycle 1), a new version of a product (cycle 2), an access request granted (cycle 3)',
    );
    table
      .smallint('cycle')
      .notNullable()
      .comment(
        '1 creating a product, 2 updating a product, 3 consuming a product',
      );
    table
      .string('event_key')
      .notNullable()
      .comment(
        'What was measured, unique within the cycle: the product ref (1), product ref@version (2), the access request id (3)',
      );
    table
      .string('product_ref')
      .notNullable()
      .comment('Entity ref of the DataProduct, lower case');
    table
      .string('domain')
      .nullable()
      .comment(
        "Entity ref of the product's domain (spec.domain), lower case; null when the catalog never said",
      );
    table
      .string('version')
      .nullable()
      .comment('The new version (cycle 2); null for the other cycles');
    table
      .timestamp('started_at', { useTz: true })
      .notNullable()
      .comment(
        'Start: the template run (1, 2) or the access request (3) was created',
      );
    table
      .timestamp('decided_at', { useTz: true })
      .nullable()
      .comment(
        'Cycle 3: when the owners approved, splitting waiting for decision from waiting for delivery',
      );
    table
      .timestamp('ended_at', { useTz: true })
      .notNullable()
      .comment(
        'End: the product was first listed (1), the version first seen (2), access granted (3)',
      );
    table
      .string('source_ref')
      .nullable()
      .comment('Where the start came from: the scaffolder task id (1, 2)');
    table
      .timestamp('recorded_at', { useTz: true })
      .notNullable()
      .comment('When a collection run last wrote it');
    table.primary(['cycle', 'event_key']);
    table.index(['cycle', 'ended_at'], 'metrics_cycle_events_cycle_ended_idx');
    table.index(['domain'], 'metrics_cycle_events_domain_idx');
  });

  await knex.schema.createTable('metrics_version_sightings', table => {
    table.comment(
      'The versions of each data product (spec.version) and when a collection run first saw each in the catalog: the end of cycle 2',
    );
    table
      .string('product_ref')
      .notNullable()
      .comment('Entity ref of the DataProduct, lower case');
    table.string('version').notNullable().comment('Its spec.version');
    table
      .timestamp('first_seen_at', { useTz: true })
      .notNullable()
      .comment('When a collection run first saw this version in the catalog');
    table.primary(['product_ref', 'version']);
  });

  await knex.schema.createTable('metrics_reuse_snapshots', table => {
    table.comment(
      'How many distinct consumers each data product had (its granted access requests), one row per product and UTC day: reuse over time',
    );
    table.string('day', 10).notNullable().comment('UTC day, YYYY-MM-DD');
    table
      .string('product_ref')
      .notNullable()
      .comment('Entity ref of the DataProduct, lower case');
    table
      .string('domain')
      .nullable()
      .comment("Entity ref of the product's domain, lower case");
    table
      .integer('consumers')
      .notNullable()
      .comment(
        'Distinct consumers with a granted access request, as of the last collection run of that day',
      );
    table.primary(['day', 'product_ref']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('metrics_reuse_snapshots');
  await knex.schema.dropTable('metrics_version_sightings');
  await knex.schema.dropTable('metrics_cycle_events');
};
