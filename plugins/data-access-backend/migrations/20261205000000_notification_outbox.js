// @ts-check

/**
 * The outbox of notifications: each change that tells someone (a request made, decided,
 * delivered, revoked or expired) queues a row in that change's transaction, and a
 * scheduled worker sends it through the notifications backend, off the request path,
 * retrying on failure.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('access_request_notifications', table => {
    table.comment(
      'Notifications to send, written in the transaction of the change they tell about',
    );
    table
      .bigIncrements('seq')
      .primary()
      .comment(
        "Orders the notifications: a request's are sent in the order of its changes",
      );
    table
      .string('id', 36)
      .notNullable()
      .unique({ indexName: 'access_request_notifications_id_uq' })
      .comment(
        'The notification id (a UUID), sent as its scope so that a re-send replaces it',
      );
    table
      .string('request_id', 36)
      .notNullable()
      .references('id')
      .inTable('access_requests')
      .comment('The request');
    table
      .string('kind', 24)
      .notNullable()
      .comment('submitted, decided or delivery-updated');
    table
      .string('request_state', 32)
      .notNullable()
      .comment(
        'The state the change led to: the notification tells about it, even if the request moved on before it was sent',
      );
    table
      .string('status', 16)
      .notNullable()
      .comment(
        'pending (to send) or failed (given up after too many attempts, kept for operators)',
      );
    table
      .integer('attempts')
      .notNullable()
      .defaultTo(0)
      .comment('Calls to the notifications backend');
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
    table.index(
      ['status', 'next_attempt_at'],
      'access_request_notifications_due_idx',
    );
    table.index(['request_id'], 'access_request_notifications_request_idx');
  });
};

/**
 * Drops the notifications still queued with the table: the version before this one sent
 * them inline and would never read them.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('access_request_notifications');
};
