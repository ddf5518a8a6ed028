import type { Knex } from 'knex';
import {
  countCombinations,
  countListValueCombinations,
} from './countStatements';
import type { CombinationRow, ListValueCombinationRow } from './facetCounts';
import { IndexVersionCache } from './IndexVersionCache';

/** The most rows a count kept in memory may have (a few megabytes). */
const MAX_KEPT_ROWS = 20_000;

/**
 * Counts over the whole index, kept in memory until a run changes the index (its version,
 * marketplace_index_runs.changed_at). Every visit to the marketplace starts on the first
 * page, whose counts cover every product: at 100,000 products they took some 200 ms of the
 * database's time, and a selection of a third of the products about 100 ms more to count
 * its tags and port types. From these two, any page without a term or a selected tag or
 * port type is counted in memory (facetCounts.ts).
 *
 * A count with more rows than MAX_KEPT_ROWS (very many owners, tags or port types) is not
 * kept: the queries then count each page in the database.
 */
export class WholeIndexCounts {
  private readonly kept = new IndexVersionCache();

  constructor(
    private readonly db: Knex,
    private readonly maxKeptRows = MAX_KEPT_ROWS,
  ) {}

  /** Each combination of the facet columns, with how many products have it. */
  combinations(version: string | null): Promise<CombinationRow[]> {
    return this.kept.get(
      version,
      'combinations',
      () => countCombinations(this.db, { words: [], selections: [] }),
      rows => rows.length <= this.maxKeptRows,
    );
  }

  /**
   * Each combination of the facet columns with each tag and port type, with how many
   * products have both; undefined when there are too many to keep, or no version to keep
   * them for.
   */
  async listValueCombinations(
    version: string | null,
  ): Promise<ListValueCombinationRow[] | undefined> {
    if (version === null) {
      return undefined;
    }
    return this.kept.get(version, 'list values', async () => {
      const rows = await countListValueCombinations(
        this.db,
        this.maxKeptRows + 1,
      );
      return rows.length > this.maxKeptRows ? undefined : rows;
    });
  }
}
