import type { GovernanceStatus } from '@datamesh/plugin-data-mesh-common';
import type { Knex } from 'knex';
import type { DbTimestamp } from '../database/tables';

/** The tables of migrations/20261121120000_marketplace_index.js, and their rows. */
export const PRODUCTS = 'marketplace_products';
export const DETAILS = 'marketplace_product_details';
export const VALUES = 'marketplace_product_values';
export const RUNS = 'marketplace_index_runs';
/**
 * Each product's search text (migration 20261209000000): on SQLite an FTS5 table with the
 * trigram tokenizer; on PostgreSQL a table with a trigram index that also holds a copy of
 * the product's columns a page filters, counts and sorts on (SEARCH_COPIED_COLUMNS, the
 * governance status and list_values), from which a page with a term is answered alone.
 */
export const SEARCH = 'marketplace_product_search';
/** Written by the governance evaluator in the same database; queries join it. */
export const GOVERNANCE_RESULTS = 'governance_results';

/** The one row of marketplace_index_runs. */
export const INDEX_RUN_ID = 'marketplace';

/** Longest value a facet row or a sort key holds (the columns are varchar(255)). */
export const MAX_VALUE_LENGTH = 255;

export function isPostgres(db: Knex): boolean {
  return db.client.dialect === 'postgresql';
}

export interface ProductRow {
  entity_ref: string;
  namespace: string;
  name: string;
  title: string;
  sort_title: string;
  domain: string | null;
  owner: string | null;
  type: string | null;
  classification: string | null;
  lifecycle: string | null;
  consumer_count: number;
  listed_at: Date | null;
  update_frequency: string | null;
  freshness: string | null;
  row_hash: string;
  /** metadata.etag of the entity the row was read from (migration 20261206000000). */
  source_etag: string | null;
  /**
   * The product's value rows as `facet:value` (migration 20261207000000): text[] on
   * PostgreSQL, a JSON array on SQLite.
   */
  list_values: string[] | string;
  /**
   * The governance status copied from governance_results at the end of the indexer's last
   * run (migration 20261208000000); null when not evaluated.
   */
  governance: GovernanceStatus | null;
  indexed_at: Date;
}

export interface DetailRow {
  entity_ref: string;
  description: string | null;
  purpose: string | null;
  /** JSON of a StoredCard. */
  card: string;
}

export interface SearchRow {
  entity_ref: string;
  /** Lowercase: title, name, description, purpose, tags, port names and addresses. */
  search_text: string;
}

/**
 * The columns of a product row its search row copies on PostgreSQL, as written; the
 * governance status is copied with the product's at the end of each run.
 */
export const SEARCH_COPIED_COLUMNS = [
  'sort_title',
  'name',
  'domain',
  'owner',
  'type',
  'classification',
  'lifecycle',
  'consumer_count',
  'listed_at',
  'list_values',
] as const;

export interface ValueRow {
  entity_ref: string;
  facet: string;
  value: string;
}

export interface RunRow {
  id: string;
  finished_at: DbTimestamp;
  products: number;
  written: number;
  removed: number;
  duration_ms: number;
  /** When a run last wrote, removed or copied anything (migration 20261208000000). */
  changed_at: DbTimestamp | null;
}
