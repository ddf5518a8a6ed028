import type { GovernanceStatus } from '@datamesh/plugin-data-mesh-common';
import type { Knex } from 'knex';
import { toIso } from '../database/tables';
import { countCombinations, countListValues } from './countStatements';
import {
  countColumnFacets,
  countListValuesOf,
  facetList,
  type ListValueCount,
} from './facetCounts';
import { isColumnFacet, LIST_FACETS, type ListFacet } from './facets';
import {
  isColumnsOnly,
  isUnrestricted,
  productSource,
  whereProductMatches,
  without,
  type ProductConditions,
} from './productConditions';
import { productOrder } from './productOrder';
import { searchWords } from './searchTerm';
import { DETAILS, INDEX_RUN_ID, PRODUCTS, RUNS, type RunRow } from './tables';
import type { StoredCard } from './toIndexedProduct';
import {
  MARKETPLACE_FACETS,
  type FacetCount,
  type MarketplaceFacet,
  type MarketplaceQueryRequest,
  type MarketplaceQueryResult,
  type ProductCard,
} from './types';
import { WholeIndexCounts } from './WholeIndexCounts';

/**
 * The marketplace's queries on its index. Standard faceting: values OR-ed within a facet and
 * AND-ed across facets, each facet counted under everything but its own selection, so that
 * selecting a value keeps its alternatives. A page takes, run together:
 *
 * - the page: the entity refs in order, then their cards;
 * - the facet columns (domain, owner, type, classification, lifecycle, governance status)
 *   and the number of matches: one grouped count of their combinations, from which each
 *   facet is counted without its own selection (facetCounts.ts);
 * - the tags and port types: one grouped count, or one per selected many-valued facet.
 *
 * On PostgreSQL, the statements of a page with a term read the products' search rows, which
 * copy what they filter, count and sort on, and each matches the term on the rows it reads
 * (productSource). Counts over the whole index are kept in memory until a run changes the
 * index, and count any page without a term or a selected tag or port type
 * (WholeIndexCounts).
 */
export class MarketplaceQuery {
  private readonly whole: WholeIndexCounts;

  constructor(
    private readonly db: Knex,
    options: {
      /** The most rows a count kept in memory may have; tests lower it. */
      maxKeptRows?: number;
      /** Wait for the whole-index counts of tags and port types; tests set it. */
      awaitWholeCounts?: boolean;
    } = {},
  ) {
    this.whole = new WholeIndexCounts(db, {
      maxKeptRows: options.maxKeptRows,
      awaitValues: options.awaitWholeCounts,
    });
  }

  async query(
    request: MarketplaceQueryRequest,
  ): Promise<MarketplaceQueryResult> {
    const words = searchWords(request.term);
    const version = await this.indexVersion();
    const conditions: ProductConditions = {
      words,
      selections: MARKETPLACE_FACETS.flatMap(facet => {
        const values = [...new Set(request.filters[facet] ?? [])];
        return values.length ? [{ facet, values }] : [];
      }),
    };
    const columnConditions = without(conditions, isColumnFacet);
    const [refs, combinations, listCounts] = await Promise.all([
      this.pageRefs(request, conditions),
      isUnrestricted(columnConditions)
        ? this.whole.combinations(version)
        : countCombinations(this.db, columnConditions),
      this.countListFacets(conditions, version),
    ]);
    const columns = countColumnFacets(
      combinations,
      conditions.selections.filter(s => isColumnFacet(s.facet)),
    );

    const counts: Record<MarketplaceFacet, Map<string, number>> = {
      ...columns.counts,
      tag: new Map(),
      port: new Map(),
    };
    for (const row of listCounts) {
      counts[row.facet].set(row.value, Number(row.count));
    }
    const facets = Object.fromEntries(
      MARKETPLACE_FACETS.map(f => [
        f,
        facetList(counts[f], request.filters[f]),
      ]),
    ) as Record<MarketplaceFacet, FacetCount[]>;
    return {
      items: await this.cards(refs),
      totalItems: columns.total,
      facets,
    };
  }

  /** The entity refs of the page, in order. */
  private async pageRefs(
    request: MarketplaceQueryRequest,
    conditions: ProductConditions,
  ): Promise<string[]> {
    const { db } = this;
    const order = productOrder(db, request.sort, conditions.words);
    const rows: Array<{ entity_ref: string }> = await db(
      productSource(db, conditions),
    )
      .select('p.entity_ref')
      .modify(q => whereProductMatches(db, q, conditions))
      .orderByRaw(order.sql, order.bindings)
      .limit(request.limit)
      .offset(request.offset);
    return rows.map(row => row.entity_ref);
  }

  /**
   * When a run last changed the index, ISO 8601; null before the first run that recorded
   * it, when nothing is kept.
   */
  private async indexVersion(): Promise<string | null> {
    const row = await this.db<RunRow>(RUNS)
      .where({ id: INDEX_RUN_ID })
      .first('changed_at');
    return row?.changed_at ? toIso(row.changed_at) : null;
  }

  /**
   * The cards of the page with their governance status, in the page's order. The status is
   * the one on the product row, which the counts and a governance filter read too.
   */
  private async cards(refs: string[]): Promise<ProductCard[]> {
    if (refs.length === 0) {
      return [];
    }
    const rows: Array<{
      entity_ref: string;
      card: string;
      status: GovernanceStatus | null;
    }> = await this.db(`${DETAILS} as d`)
      .join(`${PRODUCTS} as p`, 'p.entity_ref', 'd.entity_ref')
      .select('d.entity_ref', 'd.card', 'p.governance as status')
      .whereIn('d.entity_ref', refs);
    const byRef = new Map(rows.map(row => [row.entity_ref, row]));
    // A product removed since the page was read is left out.
    return refs.flatMap(ref => {
      const row = byRef.get(ref);
      if (!row) {
        return [];
      }
      const card: StoredCard = JSON.parse(row.card);
      return [
        {
          entityRef: ref,
          entity: card.entity,
          consumerCount: card.consumerCount,
          governanceStatus: row.status ?? null,
        },
      ];
    });
  }

  /**
   * Tags and port types. Each is counted without its own selection: one count for those
   * that share their conditions (both, when neither is selected), one for each other. A
   * count under no term and no selection of a tag or port type is made in memory from the
   * whole-index counts when they are kept; any other is a statement.
   */
  private async countListFacets(
    conditions: ProductConditions,
    version: string | null,
  ): Promise<ListValueCount[]> {
    const selected = new Set(conditions.selections.map(s => s.facet));
    const groups: Array<{
      facets: ListFacet[];
      conditions: ProductConditions;
    }> = [];
    const unselected = LIST_FACETS.filter(facet => !selected.has(facet));
    if (unselected.length) {
      groups.push({ facets: unselected, conditions });
    }
    for (const facet of LIST_FACETS.filter(f => selected.has(f))) {
      groups.push({
        facets: [facet],
        conditions: without(conditions, f => f === facet),
      });
    }
    const whole = groups.some(group => isColumnsOnly(group.conditions))
      ? await this.whole.valuesByCombination(version)
      : undefined;
    const results = await Promise.all(
      groups.map(async group =>
        whole && isColumnsOnly(group.conditions)
          ? countListValuesOf(whole, group.conditions.selections, group.facets)
          : countListValues(this.db, group.facets, group.conditions),
      ),
    );
    return results.flat();
  }
}
