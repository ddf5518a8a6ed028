// @ts-check

/**
 * Access requests, their append-only history, and the outbox of deliveries.
 *
 * Timestamps are written by the store from the application clock (millisecond precision) so
 * that a pagination cursor made from a row's created_at finds that row again on every
 * database; SQLite keeps them as epoch milliseconds, PostgreSQL as timestamptz.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('access_requests', table => {
    table.comment('Requests for access to an output port of a data product');
    table.string('id', 36).primary().comment('The id of the request (a UUID)');
    table
      .string('requester')
      .notNullable()
      .comment('Entity ref of the user who asked, from their identity');
    table
      .string('data_product')
      .notNullable()
      .comment('Entity ref of the DataProduct asked for');
    table
      .string('output_port')
      .notNullable()
      .comment('Name of the output port asked for');
    table
      .string('consumer')
      .notNullable()
      .comment(
        'Entity ref of who will consume: a user, a group, a component or system',
      );
    table
      .string('purpose_category')
      .notNullable()
      .comment('One of the configured purpose categories');
    table
      .text('purpose_text')
      .notNullable()
      .comment("Why, in the requester's words");
    table
      .string('end_date', 10)
      .nullable()
      .comment(
        'Last day of time-bound access (YYYY-MM-DD); null for open-ended access',
      );
    table
      .text('product_owners')
      .notNullable()
      .comment(
        "JSON array of the product owners' entity refs when the request was made",
      );
    table
      .string('state', 32)
      .notNullable()
      .comment(
        'submitted, approved, rejected, cancelled, provisioning, granted, failed, revoked or expired',
      );
    table
      .integer('version')
      .notNullable()
      .defaultTo(1)
      .comment(
        'Increases with every change of state; guards decisions against stale views',
      );
    table
      .timestamp('created_at', { useTz: true })
      .notNullable()
      .comment('When it was submitted');
    table
      .timestamp('updated_at', { useTz: true })
      .notNullable()
      .comment('When its state last changed');
    table
      .string('decided_by')
      .nullable()
      .comment('Entity ref of who approved or rejected');
    table
      .timestamp('decided_at', { useTz: true })
      .nullable()
      .comment('When it was approved or rejected');
    table
      .text('decision_reason')
      .nullable()
      .comment('Why it was approved or rejected');
    table
      .timestamp('granted_at', { useTz: true })
      .nullable()
      .comment('When delivery granted the access');
    table
      .string('delivery_adapter')
      .notNullable()
      .comment('Id of the delivery adapter config chose for the product');
    table
      .string('delivery_reference')
      .nullable()
      .comment(
        "The delivery system's own reference of the latest delivery, e.g. a ticket number",
      );
    table
      .string('delivery_external_status')
      .nullable()
      .comment("The delivery system's last reported status, in its own words");
    table
      .integer('delivery_attempts')
      .notNullable()
      .defaultTo(0)
      .comment('Attempts of the latest delivery');
    table
      .text('delivery_last_error')
      .nullable()
      .comment('Last error of the latest delivery');
    table
      .string('idempotency_key')
      .nullable()
      .comment("The client's Idempotency-Key; unique per requester");

    table.unique(['requester', 'idempotency_key'], {
      indexName: 'access_requests_requester_idempotency_key_uq',
    });
    table.index(['created_at', 'id'], 'access_requests_created_at_id_idx');
    table.index(['requester', 'created_at'], 'access_requests_requester_idx');
    table.index(
      ['data_product', 'state'],
      'access_requests_data_product_state_idx',
    );
    table.index(['state', 'end_date'], 'access_requests_state_end_date_idx');
  });

  await knex.schema.createTable('access_request_owners', table => {
    table.comment(
      'The product owners of each request, one row each, so that visibility and the owner inbox are indexed lookups',
    );
    table
      .string('request_id', 36)
      .notNullable()
      .references('id')
      .inTable('access_requests')
      .comment('The request');
    table
      .string('owner_ref')
      .notNullable()
      .comment('Entity ref of an owner of the product');
    table.primary(['request_id', 'owner_ref']);
    table.index(['owner_ref'], 'access_request_owners_owner_ref_idx');
  });

  await knex.schema.createTable('access_request_events', table => {
    table.comment(
      'Append-only history of the requests: one row per change of state',
    );
    table
      .bigIncrements('id')
      .primary()
      .comment('Orders the events of a request');
    table
      .string('request_id', 36)
      .notNullable()
      .references('id')
      .inTable('access_requests')
      .comment('The request');
    table
      .string('from_state', 32)
      .nullable()
      .comment('State before; null for the creation');
    table.string('to_state', 32).notNullable().comment('State after');
    table
      .string('actor')
      .notNullable()
      .comment('Entity ref of the user, or the service, that acted');
    table.timestamp('at', { useTz: true }).notNullable().comment('When');
    table.text('reason').nullable().comment('Why, when given');
    table.index(['request_id', 'id'], 'access_request_events_request_idx');
  });

  await knex.schema.createTable('delivery_outbox', table => {
    table.comment(
      'Deliveries to hand to a delivery system, written in the transaction of the change that needs them',
    );
    table
      .string('id', 36)
      .primary()
      .comment(
        'The delivery id (a UUID), the same on every retry, sent to the delivery system',
      );
    table
      .string('request_id', 36)
      .notNullable()
      .references('id')
      .inTable('access_requests')
      .comment('The request');
    table.string('action', 16).notNullable().comment('grant or revoke');
    table.string('adapter').notNullable().comment('Id of the delivery adapter');
    table
      .string('status', 16)
      .notNullable()
      .comment('pending (to deliver), waiting (to poll), done or failed');
    table
      .string('reference')
      .nullable()
      .comment(
        "The delivery system's reference once it took the work, for polling",
      );
    table
      .integer('attempts')
      .notNullable()
      .defaultTo(0)
      .comment('Calls to the delivery system');
    table
      .integer('failures')
      .notNullable()
      .defaultTo(0)
      .comment('Consecutive calls that failed to reach it; drives the backoff');
    table.text('last_error').nullable().comment('Last error, for operators');
    table
      .timestamp('next_attempt_at', { useTz: true })
      .notNullable()
      .comment('When it is due');
    table
      .string('lease_token', 36)
      .nullable()
      .comment(
        'Token of the worker that claimed it; only that worker may record the outcome',
      );
    table
      .timestamp('lease_expires_at', { useTz: true })
      .nullable()
      .comment('When an unfinished claim may be taken over by another worker');
    table
      .timestamp('created_at', { useTz: true })
      .notNullable()
      .comment('When it was queued');
    table
      .timestamp('completed_at', { useTz: true })
      .nullable()
      .comment('When it became done or failed');
    table.index(['status', 'next_attempt_at'], 'delivery_outbox_due_idx');
    table.index(['request_id'], 'delivery_outbox_request_idx');
  });

  await createAppendOnlyGuard(knex);
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await dropAppendOnlyGuard(knex);
  await knex.schema.dropTable('delivery_outbox');
  await knex.schema.dropTable('access_request_events');
  await knex.schema.dropTable('access_request_owners');
  await knex.schema.dropTable('access_requests');
};

/**
 * The history is evidence of who decided what: the database itself refuses to change or
 * remove a row of it, whatever code runs against it.
 *
 * @param {import('knex').Knex} knex
 */
async function createAppendOnlyGuard(knex) {
  const dialect = knex.client.dialect;
  if (dialect === 'postgresql') {
    await knex.raw(`
      CREATE FUNCTION access_request_events_append_only() RETURNS trigger AS $$
      BEGIN
        RAISE EXCEPTION 'access_request_events is append-only';
      END;
      $$ LANGUAGE plpgsql`);
    await knex.raw(`
      CREATE TRIGGER access_request_events_append_only
      BEFORE UPDATE OR DELETE ON access_request_events
      FOR EACH ROW EXECUTE PROCEDURE access_request_events_append_only()`);
  } else if (dialect === 'sqlite3') {
    for (const operation of ['UPDATE', 'DELETE']) {
      await knex.raw(`
        CREATE TRIGGER access_request_events_no_${operation.toLowerCase()}
        BEFORE ${operation} ON access_request_events
        BEGIN
          SELECT RAISE(ABORT, 'access_request_events is append-only');
        END`);
    }
  }
}

/**
 * @param {import('knex').Knex} knex
 */
async function dropAppendOnlyGuard(knex) {
  const dialect = knex.client.dialect;
  if (dialect === 'postgresql') {
    await knex.raw(
      'DROP TRIGGER IF EXISTS access_request_events_append_only ON access_request_events',
    );
    await knex.raw(
      'DROP FUNCTION IF EXISTS access_request_events_append_only()',
    );
  } else if (dialect === 'sqlite3') {
    await knex.raw('DROP TRIGGER IF EXISTS access_request_events_no_update');
    await knex.raw('DROP TRIGGER IF EXISTS access_request_events_no_delete');
  }
}
