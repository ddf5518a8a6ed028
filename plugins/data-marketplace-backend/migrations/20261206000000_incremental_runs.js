// @ts-check

/**
 * What lets the scheduled runs read only what changed in the catalog instead of all of it:
 * the catalog version (metadata.etag) each indexed product was read at, and for each
 * evaluated product a digest of everything its governance result depends on (the policies,
 * its own version, the versions of the entities the rules looked up) with the refs of those
 * entities, so a run re-evaluates a product only when one of them changed.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('marketplace_products', table => {
    table
      .string('source_etag', 255)
      .nullable()
      .comment(
        'metadata.etag of the catalog entity this row was read from; null until read again',
      );
  });

  await knex.schema.createTable('governance_inputs', table => {
    table.comment(
      'What each product’s governance result was computed from, to tell when it must be computed again',
    );
    table
      .string('entity_ref', 255)
      .primary()
      .comment('Entity ref of the product, lowercase');
    table
      .string('inputs_digest', 64)
      .notNullable()
      .comment(
        'sha256 of the policies, the product’s etag and the etags of the entities the rules looked up',
      );
    table
      .text('depends_on')
      .notNullable()
      .comment(
        'JSON array of the lowercase refs the rules looked up (present or not)',
      );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('governance_inputs');
  await knex.schema.alterTable('marketplace_products', table => {
    table.dropColumn('source_etag');
  });
};
