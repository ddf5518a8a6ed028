import type { Knex } from 'knex';
import { LIKE, likePattern } from './searchTerm';
import type { MarketplaceSort } from './types';

/**
 * A text column compared byte by byte. SQLite compares text that way; PostgreSQL by the
 * database's collation, which in most locales skips spaces and punctuation ("Rent roll"
 * after "Rentals"). Byte order on both gives the same pages on both.
 */
export function bytewise(db: Knex, column: string): string {
  return db.client.dialect === 'postgresql' ? `${column} COLLATE "C"` : column;
}

/**
 * The ORDER BY of a sort, over the products aliased `p`, ending on the entity ref so that
 * every order is total and pages never overlap.
 */
export function productOrder(
  db: Knex,
  sort: MarketplaceSort,
  words: string[],
): { sql: string; bindings: string[] } {
  const byTitle = [
    bytewise(db, 'p.sort_title'),
    bytewise(db, 'p.name'),
    bytewise(db, 'p.entity_ref'),
  ].join(', ');
  switch (sort) {
    case 'newest':
      // NULLS LAST: PostgreSQL would put products never listed first in a descending order.
      return {
        sql: `p.listed_at DESC NULLS LAST, ${byTitle}`,
        bindings: [],
      };
    case 'most-consumed':
      return { sql: `p.consumer_count DESC, ${byTitle}`, bindings: [] };
    case 'relevance': {
      if (words.length === 0) {
        return { sql: byTitle, bindings: [] };
      }
      const term = words.join(' ');
      const rank = `CASE WHEN ${LIKE('p.sort_title')} THEN 0 WHEN ${LIKE(
        'p.sort_title',
      )} THEN 1 ELSE 2 END`;
      return {
        sql: `${rank}, ${byTitle}`,
        bindings: [likePattern(term, 'start'), likePattern(term)],
      };
    }
    case 'name':
    default:
      return { sql: byTitle, bindings: [] };
  }
}
