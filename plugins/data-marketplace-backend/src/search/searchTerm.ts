import type { Knex } from 'knex';
import { SEARCH } from './tables';

/** The words of a search term, lowercase, without repeats. */
export function searchWords(term: string | undefined): string[] {
  const words = (term ?? '').toLocaleLowerCase('en-US').split(/\s+/);
  return [...new Set(words.filter(Boolean))];
}

/** A LIKE pattern matching `text` literally: `%`, `_` and the escape character escaped. */
export function likePattern(
  text: string,
  where: 'anywhere' | 'start' = 'anywhere',
): string {
  const literal = text.replace(/[\\%_]/g, char => `\\${char}`);
  return where === 'start' ? `${literal}%` : `%${literal}%`;
}

/** `column LIKE ?` with the escape character of likePattern, the same on both databases. */
export const LIKE = (column: string) => `${column} LIKE ? ESCAPE '\\'`;

/**
 * A GLOB pattern matching `text` anywhere, literally: `*`, `?` and `[` in brackets. GLOB
 * knows no `%` or `_`, and compares case-sensitively, which lowercase text and words allow.
 */
export function globPattern(text: string): string {
  return `*${text.replace(/[*?[]/g, char => `[${char}]`)}*`;
}

/**
 * SQLite: the entity refs of the products whose search text holds every word, anywhere,
 * matched as GLOB on the FTS5 trigram table, which its index serves (FTS5 leaves a LIKE
 * with an ESCAPE clause to a scan of every row). PostgreSQL matches on the search rows a
 * page reads instead (productSource).
 */
export function textMatches(db: Knex, words: string[]): Knex.QueryBuilder {
  const matching = db(SEARCH).select('entity_ref');
  for (const word of words) {
    matching.whereRaw('search_text GLOB ?', [globPattern(word)]);
  }
  return matching;
}
