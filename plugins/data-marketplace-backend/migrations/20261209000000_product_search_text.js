// @ts-check

const SEARCH = 'marketplace_product_search';
const DETAILS = 'marketplace_product_details';
const TRIGRAM_INDEX = 'marketplace_product_search_text_idx';
const OLD_TRIGRAM_INDEX = 'marketplace_product_details_search_idx';

/**
 * The columns of marketplace_products a page filters, counts and sorts on, copied onto each
 * product's search row on PostgreSQL; comments name what each holds.
 */
const COPIED_COLUMNS = [
  'sort_title',
  'name',
  'domain',
  'owner',
  'type',
  'classification',
  'lifecycle',
  'governance',
  'consumer_count',
  'listed_at',
  'list_values',
];

/**
 * Each product's search text in a table of its own, no longer among the details. On SQLite
 * that is the FTS5 table of the same name, which already held it. On PostgreSQL it is a
 * table that also holds a copy of the product's columns a page filters, counts and sorts on,
 * so that a page with a term is answered from it alone.
 *
 * A term is matched against the search text of every product the trigram index cannot rule
 * out, and a common word rules out few. Among the details each search text sat beside its
 * card: at 100,000 products the table was 182 MB for 29 MB of search text, more than
 * PostgreSQL's default shared buffers, so a match read most of it from outside them; through
 * HTTP, a word in a fifth of the products took a second per statement. And each statement
 * of a page then joined the matches to the products by entity ref, reading all of them: at
 * 100,000 products, for a word in a quarter of them, that join was most of each statement's
 * 100 ms. On the copy, the page and its counts read the matching rows and nothing else.
 *
 * The trigram index moves with the text where the plugin's database has pg_trgm (the first
 * index migration created it where it could); where it has not, matches scan the table.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (knex.client.dialect !== 'postgresql') {
    await knex.schema.alterTable(DETAILS, table => {
      table.dropColumn('search_text');
    });
    return;
  }
  await knex.schema.createTable(SEARCH, table => {
    table.comment(
      'The search text of each indexed product with a copy of the marketplace_products columns a page filters, counts and sorts on: a page with a term reads this table alone',
    );
    table
      .string('entity_ref', 255)
      .primary()
      .comment('Entity ref of the product, lowercase (marketplace_products)');
    table
      .text('search_text')
      .notNullable()
      .comment(
        'Lowercase text a search term is matched in: title, name, description, purpose, tags, port names and addresses, domain name',
      );
    table.string('sort_title', 255).notNullable();
    table.string('name', 255).notNullable();
    for (const facet of [
      'domain',
      'owner',
      'type',
      'classification',
      'lifecycle',
    ]) {
      table.string(facet, 255).nullable();
    }
    table.string('governance', 16).nullable();
    table.integer('consumer_count').notNullable();
    table.timestamp('listed_at', { useTz: true }).nullable();
    table.specificType('list_values', 'text[]').notNullable().defaultTo('{}');
  });
  for (const column of COPIED_COLUMNS) {
    await knex.raw(
      `COMMENT ON COLUMN ${SEARCH}.${column} IS 'marketplace_products.${column}, written with it'`,
    );
  }
  const columns = COPIED_COLUMNS.map(column => `p.${column}`).join(', ');
  await knex.raw(
    `INSERT INTO ${SEARCH} (entity_ref, search_text, ${COPIED_COLUMNS.join(
      ', ',
    )})
     SELECT p.entity_ref, d.search_text, ${columns}
       FROM marketplace_products p
       JOIN ${DETAILS} d ON d.entity_ref = p.entity_ref`,
  );
  if (await hasTrigramOperators(knex)) {
    await knex.raw(
      `CREATE INDEX ${TRIGRAM_INDEX} ON ${SEARCH} USING gin (search_text gin_trgm_ops)`,
    );
  }
  // With its trigram index, if it had one.
  await knex.schema.alterTable(DETAILS, table => {
    table.dropColumn('search_text');
  });
};

/** @param {import('knex').Knex} knex */
async function hasTrigramOperators(knex) {
  const { rows } = await knex.raw(
    "SELECT 1 FROM pg_opclass WHERE opcname = 'gin_trgm_ops' AND pg_opclass_is_visible(oid)",
  );
  return rows.length > 0;
}

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  const postgres = knex.client.dialect === 'postgresql';
  await knex.schema.alterTable(DETAILS, table => {
    // SQLite adds a NOT NULL column only with a default.
    table.text('search_text').notNullable().defaultTo('');
  });
  await knex.raw(
    `UPDATE ${DETAILS}
        SET search_text = COALESCE((SELECT s.search_text
                                      FROM ${SEARCH} s
                                     WHERE s.entity_ref = ${DETAILS}.entity_ref), '')`,
  );
  if (!postgres) {
    return;
  }
  await knex.raw(
    `ALTER TABLE ${DETAILS} ALTER COLUMN search_text DROP DEFAULT`,
  );
  await knex.raw(
    `COMMENT ON COLUMN ${DETAILS}.search_text IS 'Lowercase text a search term is matched in: title, name, description, purpose, tags, port names and addresses, domain name'`,
  );
  if (await hasTrigramOperators(knex)) {
    await knex.raw(
      `CREATE INDEX ${OLD_TRIGRAM_INDEX} ON ${DETAILS} USING gin (search_text gin_trgm_ops)`,
    );
  }
  await knex.schema.dropTable(SEARCH);
};
