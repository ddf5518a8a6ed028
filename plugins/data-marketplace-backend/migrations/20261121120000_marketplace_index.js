// @ts-check

/**
 * The marketplace's own query index, fed from the catalog by a scheduled task: one narrow
 * row per DataProduct (what the marketplace filters, counts and sorts on), its details (the
 * card it shows and the text a search term is matched in), one row per tag and output port
 * type, and the time of the last run.
 *
 * The catalog's query API cannot count facets under a search term, skips long values in
 * full-text search and sorts by one field only; these tables answer a marketplace page in
 * a handful of indexed statements. Entity refs are in the catalog's canonical form,
 * `kind:namespace/name` in lower case, as in governance_results, which the queries join for
 * the governance status.
 *
 * Search: every word of a term must occur in the product's search_text. PostgreSQL matches
 * with LIKE, helped by a trigram index when pg_trgm can be had; SQLite keeps a copy of
 * search_text in an FTS5 table with the trigram tokenizer, which answers the same substring
 * patterns (GLOB) from its index.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const postgres = knex.client.dialect === 'postgresql';

  await knex.schema.createTable('marketplace_products', table => {
    table.comment(
      'The marketplace index: every DataProduct of the catalog, as the marketplace filters, sorts and searches it',
    );
    table
      .string('entity_ref', 255)
      .primary()
      .comment(
        'Entity ref of the product, lowercase (dataproduct:namespace/name)',
      );
    table
      .string('namespace', 255)
      .notNullable()
      .comment('metadata.namespace, as the catalog spells it');
    table
      .string('name', 255)
      .notNullable()
      .comment('metadata.name, as the catalog spells it');
    table
      .text('title')
      .notNullable()
      .comment('metadata.title, or metadata.name when it has none');
    table
      .string('sort_title', 255)
      .notNullable()
      .comment(
        'The title in lower case (its first 255 characters): the order by name, and title matches for relevance',
      );
    table
      .string('domain', 255)
      .nullable()
      .comment(
        "Facet: entity ref of the product's domain (spec.domain), lowercase",
      );
    table
      .string('owner', 255)
      .nullable()
      .comment(
        "Facet: entity ref of the product's owner (spec.owner), lowercase",
      );
    table
      .string('type', 255)
      .nullable()
      .comment('Facet: spec.type, lowercase (source-aligned, aggregate, ...)');
    table
      .string('classification', 255)
      .nullable()
      .comment('Facet: spec.classification, lowercase (public, internal, ...)');
    table
      .string('lifecycle', 255)
      .nullable()
      .comment('Facet: spec.lifecycle, lowercase');
    table
      .integer('consumer_count')
      .notNullable()
      .comment('How many dataProductConsumedBy relations the product has');
    table
      .timestamp('listed_at', { useTz: true })
      .nullable()
      .comment(
        'When the catalog first listed it (annotation datamesh/listed-at); null when unknown',
      );
    table
      .text('update_frequency')
      .nullable()
      .comment('spec.sla.updateFrequency');
    table.text('freshness').nullable().comment('spec.sla.freshness');
    table
      .string('row_hash', 64)
      .notNullable()
      .comment(
        'SHA-256 of the row, its details and its facet values: the indexer rewrites a product only when it changes',
      );
    table
      .timestamp('indexed_at', { useTz: true })
      .notNullable()
      .comment('When the indexer last wrote this product');
    // The five facet columns, for their one grouped count, and the sort by name, for a page
    // of a selection: both read from the index alone.
    table.index(
      [
        'domain',
        'owner',
        'type',
        'classification',
        'lifecycle',
        'sort_title',
        'name',
        'entity_ref',
      ],
      'marketplace_products_facets_idx',
    );
  });

  // The order by name compares bytes on both databases (see src/search/productOrder.ts),
  // so the index that serves it does too.
  if (postgres) {
    await knex.raw(
      'CREATE INDEX marketplace_products_title_idx ON marketplace_products ' +
        '(sort_title COLLATE "C", name COLLATE "C", entity_ref COLLATE "C")',
    );
  } else {
    await knex.schema.alterTable('marketplace_products', table => {
      table.index(
        ['sort_title', 'name', 'entity_ref'],
        'marketplace_products_title_idx',
      );
    });
  }

  await knex.schema.createTable('marketplace_product_details', table => {
    table.comment(
      'What is read of an indexed product once it is found: its card and its text. Apart from marketplace_products, so that the scans and groupings of the index read narrow rows',
    );
    table
      .string('entity_ref', 255)
      .primary()
      .comment('Entity ref of the product, lowercase (marketplace_products)');
    table.text('description').nullable().comment('metadata.description');
    table.text('purpose').nullable().comment('spec.description.purpose');
    table
      .text('search_text')
      .notNullable()
      .comment(
        'Lowercase text a search term is matched in: title, name, description, purpose, tags, port names and addresses, domain name',
      );
    table
      .text('card')
      .notNullable()
      .comment(
        'JSON: the entity in part (kind, metadata name/namespace/title/description/tags/annotations, spec domain/owner/type/classification/lifecycle/version/purpose/sla/output port names and types) and its consumer count',
      );
  });

  await knex.schema.createTable('marketplace_product_values', table => {
    table.comment(
      'The values of the many-valued facets of every indexed product: one row per tag and per output port type',
    );
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('Entity ref of the product, lowercase (marketplace_products)');
    table.string('facet', 32).notNullable().comment('tag or port');
    table
      .string('value', 255)
      .notNullable()
      .comment('The tag, or the output port type, lowercase');
    // By value (filters, counts without conditions) and by product (counts of a few).
    table.primary(['facet', 'value', 'entity_ref']);
    table.index(
      ['entity_ref', 'facet', 'value'],
      'marketplace_product_values_entity_idx',
    );
  });

  await knex.schema.createTable('marketplace_index_runs', table => {
    table.comment(
      'The last finished run of the marketplace indexer (one row), whichever replica ran it: how fresh the index is',
    );
    table
      .string('id', 32)
      .primary()
      .comment('Always "marketplace": the table holds one row');
    table
      .timestamp('finished_at', { useTz: true })
      .notNullable()
      .comment('When the last run finished');
    table
      .integer('products')
      .notNullable()
      .comment('Products it read from the catalog');
    table
      .integer('written')
      .notNullable()
      .comment('Products it wrote because they were new or changed');
    table
      .integer('removed')
      .notNullable()
      .comment('Products it removed because they left the catalog');
    table.integer('duration_ms').notNullable().comment('How long it took');
  });

  // The governance facet counts read each product's status from an index alone.
  await knex.schema.alterTable('governance_results', table => {
    table.index(['entity_ref', 'status'], 'marketplace_governance_status_idx');
  });

  if (postgres) {
    await createTrigramIndex(knex);
  } else {
    // A virtual table: SQLite keeps no comments. Its rows are each product's entity_ref and
    // search_text, written with the product by the indexer.
    await knex.raw(
      'CREATE VIRTUAL TABLE marketplace_product_search USING fts5(' +
        "entity_ref UNINDEXED, search_text, tokenize = 'trigram', detail = 'none')",
    );
  }
};

/**
 * A trigram index answers `search_text LIKE '%word%'` without reading every row. pg_trgm
 * ships with PostgreSQL and is a trusted extension (13 and later): the owner of the
 * plugin's database may create it. Where it cannot be had, the index is left out and the
 * same queries scan instead, slower but with the same answers.
 *
 * @param {import('knex').Knex} knex
 */
async function createTrigramIndex(knex) {
  const visible = async () =>
    (
      await knex.raw(
        "SELECT 1 FROM pg_opclass WHERE opcname = 'gin_trgm_ops' AND pg_opclass_is_visible(oid)",
      )
    ).rows.length > 0;
  if (!(await visible())) {
    const { rows } = await knex.raw(
      `SELECT 1
         FROM pg_available_extension_versions v
        WHERE v.name = 'pg_trgm'
          AND NOT EXISTS (SELECT 1 FROM pg_extension e WHERE e.extname = 'pg_trgm')
          AND has_database_privilege(current_database(), 'CREATE')
          AND (v.trusted OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user))`,
    );
    if (rows.length === 0) {
      return;
    }
    await knex.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    if (!(await visible())) {
      return;
    }
  }
  await knex.raw(
    'CREATE INDEX marketplace_product_details_search_idx ON marketplace_product_details USING gin (search_text gin_trgm_ops)',
  );
}

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  if (knex.client.dialect !== 'postgresql') {
    await knex.raw('DROP TABLE marketplace_product_search');
  }
  await knex.schema.alterTable('governance_results', table => {
    table.dropIndex(
      ['entity_ref', 'status'],
      'marketplace_governance_status_idx',
    );
  });
  await knex.schema.dropTable('marketplace_index_runs');
  await knex.schema.dropTable('marketplace_product_values');
  // With its trigram index (pg_trgm stays: others may use it).
  await knex.schema.dropTable('marketplace_product_details');
  await knex.schema.dropTable('marketplace_products');
};
