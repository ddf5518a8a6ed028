import type { Knex } from 'knex';
import {
  countCombinations,
  countListValueCombinations,
} from './countStatements';
import {
  groupByCombination,
  type CombinationRow,
  type CombinationValues,
} from './facetCounts';
import { IndexVersionCache } from './IndexVersionCache';

/**
 * The most rows a count kept in memory may have: at 100,000 generated products, 1,300
 * combinations of the facet columns and 45,000 of them with a tag or port type (about 10 MB).
 */
const MAX_KEPT_ROWS = 100_000;

/** The tags and port types by combination, for one version of the index. */
interface KeptValues {
  version: string;
  /** Undefined until counted, and when there were too many rows to keep. */
  combinations?: CombinationValues[];
}

/**
 * Counts over the whole index, kept in memory until a run changes the index (its version,
 * marketplace_index_runs.changed_at). Every visit to the marketplace starts on the first
 * page, whose counts cover every product: at 100,000 products they took some 200 ms of the
 * database's time, and a selection of a third of the products about 100 ms more to count
 * its tags and port types. From the counts of the combinations of the facet columns, with
 * and without each tag and port type, any page without a term or a selected tag or port
 * type is counted in memory (facetCounts.ts).
 *
 * The tags and port types by combination take the database most of a second at 100,000
 * products: they are counted in the background when a new version is seen, and the queries
 * count in the database until they are ready. A count with more rows than MAX_KEPT_ROWS
 * (very many owners, tags or port types) is not kept: the queries then count each page in
 * the database.
 */
export class WholeIndexCounts {
  private readonly kept = new IndexVersionCache();
  private values: KeptValues | undefined;

  constructor(
    private readonly db: Knex,
    private readonly options: {
      maxKeptRows?: number;
      /** Wait for the tags and port types to be counted rather than go on; tests set it. */
      awaitValues?: boolean;
    } = {},
  ) {}

  private get maxKeptRows() {
    return this.options.maxKeptRows ?? MAX_KEPT_ROWS;
  }

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
   * Each combination of the facet columns with how many of its products have each tag and
   * port type, when they are counted for this version; undefined otherwise.
   */
  async valuesByCombination(
    version: string | null,
  ): Promise<CombinationValues[] | undefined> {
    if (version === null) {
      return undefined;
    }
    if (!this.values || this.values.version < version) {
      const counting = this.countValues(version);
      if (this.options.awaitValues) {
        await counting;
      }
    }
    return this.values?.version === version
      ? this.values.combinations
      : undefined;
  }

  private async countValues(version: string) {
    const kept: KeptValues = { version };
    this.values = kept;
    try {
      const rows = await countListValueCombinations(
        this.db,
        this.maxKeptRows + 1,
      );
      if (rows.length <= this.maxKeptRows) {
        kept.combinations = groupByCombination(rows);
      }
    } catch {
      // Counted again at the next request; the queries count in the database meanwhile.
      if (this.values === kept) {
        this.values = undefined;
      }
    }
  }
}
