// @ts-check

/**
 * Governance results of the data products (the current verdict of each one, and its
 * per-rule outcomes) and the daily snapshots the compliance trend is drawn from.
 *
 * Entity refs are stored in the catalog's canonical form, `kind:namespace/name` in lower
 * case, so lookups never depend on how a caller wrote them.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('governance_results', table => {
    table.comment(
      'The current governance result of every data product in the catalog',
    );
    table
      .string('entity_ref', 255)
      .primary()
      .comment('Entity ref of the product, lowercase (kind:namespace/name)');
    table
      .string('domain', 255)
      .nullable()
      .comment("Entity ref of the product's domain, lowercase; null when none");
    table
      .string('owner', 255)
      .nullable()
      .comment("Entity ref of the product's owner, lowercase; null when none");
    table
      .string('status', 16)
      .notNullable()
      .comment('passing, warning or failing');
    table
      .integer('failed_errors')
      .notNullable()
      .comment('How many results with severity error failed');
    table
      .integer('failed_warnings')
      .notNullable()
      .comment('How many results with severity warning failed');
    table
      .text('results')
      .notNullable()
      .comment(
        'JSON array of the rule results (ruleId, severity, passed, message, path)',
      );
    table
      .string('result_hash', 64)
      .notNullable()
      .comment(
        'SHA-256 of domain, owner, status and results: a run rewrites a row only when it changes',
      );
    table
      .timestamp('evaluated_at', { useTz: true })
      .notNullable()
      .comment('When this result was computed; it has held since');
    table.index(['domain'], 'governance_results_domain_idx');
    table.index(
      ['failed_errors', 'failed_warnings'],
      'governance_results_failures_idx',
    );
  });

  await knex.schema.createTable('governance_rule_outcomes', table => {
    table.comment(
      'Per product and rule, whether the rule passed: the per-rule compliance is counted here',
    );
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('Entity ref of the product, lowercase');
    table
      .string('rule_id', 128)
      .notNullable()
      .comment('Id of the rule (mesh-wide or added by the domain)');
    table
      .string('domain', 255)
      .nullable()
      .comment("Entity ref of the product's domain, lowercase; null when none");
    table
      .boolean('passed')
      .notNullable()
      .comment('false when any result of the rule on the product failed');
    table.primary(['entity_ref', 'rule_id']);
    table.index(['rule_id'], 'governance_rule_outcomes_rule_idx');
    table.index(['domain'], 'governance_rule_outcomes_domain_idx');
  });

  await knex.schema.createTable('governance_domain_snapshots', table => {
    table.comment(
      'Product statuses per domain and day, for the compliance trend; one row per day and domain',
    );
    table
      .string('day', 10)
      .notNullable()
      .comment('The day (YYYY-MM-DD, UTC) the counts are of');
    table
      .string('domain', 255)
      .notNullable()
      .comment(
        'Entity ref of the domain, lowercase; empty for products without one',
      );
    table.integer('products').notNullable().comment('Products evaluated');
    table.integer('passing').notNullable().comment('Of which passing');
    table.integer('warning').notNullable().comment('Of which with warnings');
    table.integer('failing').notNullable().comment('Of which failing');
    table
      .timestamp('taken_at', { useTz: true })
      .notNullable()
      .comment('When the counts were last taken that day');
    table.primary(['day', 'domain']);
  });

  await knex.schema.createTable('governance_rule_snapshots', table => {
    table.comment(
      'Per-rule pass and fail counts per domain and day, for the trend of each rule',
    );
    table.string('day', 10).notNullable().comment('The day (YYYY-MM-DD, UTC)');
    table
      .string('domain', 255)
      .notNullable()
      .comment(
        'Entity ref of the domain, lowercase; empty for products without one',
      );
    table.string('rule_id', 128).notNullable().comment('Id of the rule');
    table
      .integer('passed')
      .notNullable()
      .comment('Products the rule passed on');
    table
      .integer('failed')
      .notNullable()
      .comment('Products the rule failed on');
    table.primary(['day', 'domain', 'rule_id']);
  });

  await knex.schema.createTable('governance_runs', table => {
    table.comment(
      'The last finished evaluation of the mesh (one row), whichever replica ran it',
    );
    table
      .string('id', 32)
      .primary()
      .comment('Always "mesh": the table holds one row');
    table
      .timestamp('finished_at', { useTz: true })
      .notNullable()
      .comment('When the last evaluation finished');
    table.integer('products').notNullable().comment('Products it evaluated');
    table
      .integer('written')
      .notNullable()
      .comment('Results it wrote because they changed');
    table
      .integer('removed')
      .notNullable()
      .comment('Results it removed because their product left the catalog');
    table.integer('duration_ms').notNullable().comment('How long it took');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('governance_runs');
  await knex.schema.dropTable('governance_rule_snapshots');
  await knex.schema.dropTable('governance_domain_snapshots');
  await knex.schema.dropTable('governance_rule_outcomes');
  await knex.schema.dropTable('governance_results');
};
