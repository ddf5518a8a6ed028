// @ts-check

/** The facet columns before this migration, in the order of their index. */
const FACET_COLUMNS = [
  'domain',
  'owner',
  'type',
  'classification',
  'lifecycle',
];

/**
 * Each indexed product's governance status on its own row, copied from governance_results
 * by the indexer at the end of each run, and the time a run last changed the index.
 *
 * The status becomes a sixth facet column: counted in the one grouped count of the facet
 * columns, filtered on the row, shown on the card. Before, each page counted it in a
 * statement of its own that joined governance_results to the matching products by entity
 * ref: at 100,000 products a domain of a third of them took about 100 ms. Copying at the end
 * of a run also keeps a page whole: the cards, the counts and a governance filter all show
 * the statuses of the same moment.
 *
 * marketplace_index_runs.changed_at moves only when a run wrote, removed or copied
 * something; counts that depend on nothing but the index are kept in memory until it moves.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('marketplace_products', table => {
    table
      .string('governance', 16)
      .nullable()
      .comment(
        "Facet: the product's governance status (passing, warning, failing) as governance_results held it at the indexer's last run; null when not evaluated",
      );
  });
  await knex.raw(
    `UPDATE marketplace_products
        SET governance = (SELECT g.status
                            FROM governance_results g
                           WHERE g.entity_ref = marketplace_products.entity_ref)`,
  );
  await replaceFacetsIndex(knex, [...FACET_COLUMNS, 'governance']);

  await knex.schema.alterTable('marketplace_index_runs', table => {
    table
      .timestamp('changed_at', { useTz: true })
      .nullable()
      .comment(
        'When a run last wrote, removed or copied anything: what counts cached in memory are valid for',
      );
  });
  await knex('marketplace_index_runs').update({
    changed_at: knex.ref('finished_at'),
  });
};

/**
 * The index of the facet columns, for their one grouped count, and of the order by name
 * within a selection: both read from the index alone.
 *
 * @param {import('knex').Knex} knex
 * @param {string[]} facets
 */
async function replaceFacetsIndex(knex, facets) {
  await knex.schema.alterTable('marketplace_products', table => {
    table.dropIndex([], 'marketplace_products_facets_idx');
  });
  await knex.schema.alterTable('marketplace_products', table => {
    table.index(
      [...facets, 'sort_title', 'name', 'entity_ref'],
      'marketplace_products_facets_idx',
    );
  });
}

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('marketplace_index_runs', table => {
    table.dropColumn('changed_at');
  });
  await replaceFacetsIndex(knex, FACET_COLUMNS);
  await knex.schema.alterTable('marketplace_products', table => {
    table.dropColumn('governance');
  });
};
