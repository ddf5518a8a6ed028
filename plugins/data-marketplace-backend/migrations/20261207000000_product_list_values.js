// @ts-check

/**
 * Each indexed product's tags and output port types on its own row, as a list of
 * `facet:value` (`tag:finance`, `port:rest-api`), beside their rows in
 * marketplace_product_values. Counting the tags and port types of a selection then reads the
 * selected products' rows only: at 100,000 products, a domain of a third of them took a
 * scan of all 400,000 value rows joined back to the products by entity ref. The value rows
 * stay: a selected tag or port type is found through their index.
 *
 * PostgreSQL keeps the list as text[] (read with unnest), SQLite as a JSON array (read with
 * json_each). Existing rows are filled from their value rows, so the index stays whole
 * without the indexer reading the catalog again.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const postgres = knex.client.dialect === 'postgresql';
  await knex.schema.alterTable('marketplace_products', table => {
    const column = postgres
      ? table.specificType('list_values', 'text[]').defaultTo('{}')
      : table.text('list_values').defaultTo('[]');
    column
      .notNullable()
      .comment(
        "The product's tags and output port types, each as facet:value (tag:finance, port:rest-api), lowercase; the same as its rows in marketplace_product_values",
      );
  });
  const aggregate = postgres
    ? "array_agg(v.facet || ':' || v.value ORDER BY v.facet, v.value)"
    : "json_group_array(v.facet || ':' || v.value)";
  await knex.raw(
    `UPDATE marketplace_products
        SET list_values = (SELECT ${aggregate}
                             FROM marketplace_product_values v
                            WHERE v.entity_ref = marketplace_products.entity_ref)
      WHERE EXISTS (SELECT 1
                      FROM marketplace_product_values v
                     WHERE v.entity_ref = marketplace_products.entity_ref)`,
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('marketplace_products', table => {
    table.dropColumn('list_values');
  });
};
