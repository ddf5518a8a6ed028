// @ts-check

const SEARCH = 'marketplace_product_search';
const DETAILS = 'marketplace_product_details';
const TRIGRAM_INDEX = 'marketplace_product_search_text_idx';
const OLD_TRIGRAM_INDEX = 'marketplace_product_details_search_idx';

/**
 * Each product's search text in a narrow table of its own, on PostgreSQL as on SQLite
 * (whose FTS5 table of the same name already held it), and no longer among the details.
 *
 * A term is matched against the search text of every product the trigram index cannot rule
 * out, and a common word rules out few. Among the details each search text sat beside its
 * card: at 100,000 products the table was 182 MB for 29 MB of search text, more than
 * PostgreSQL's default shared buffers, so a match read most of it from outside them. Through
 * HTTP at 100,000 products, a word in a fifth of them took a second per statement. The
 * narrow table keeps only what a match reads.
 *
 * The trigram index moves with the text where the plugin's database has pg_trgm (the first
 * index migration created it where it could); where it has not, matches scan the narrow
 * table instead.
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
      'The text a search term is matched in, one row per indexed product: apart from its details, so that matching reads nothing else',
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
  });
  await knex.raw(
    `INSERT INTO ${SEARCH} (entity_ref, search_text) SELECT entity_ref, search_text FROM ${DETAILS}`,
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
  await knex.raw(`ALTER TABLE ${DETAILS} ALTER COLUMN search_text DROP DEFAULT`);
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
