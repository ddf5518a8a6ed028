import type { GovernanceStatus } from '@datamesh/plugin-data-mesh-common';
import type { Knex } from 'knex';
import {
  countColumnFacets,
  facetList,
  type CombinationRow,
} from './facetCounts';
import {
  COLUMN_FACETS,
  isColumnFacet,
  LIST_FACETS,
  type ListFacet,
} from './facets';
import {
  isUnrestricted,
  whereProductMatches,
  without,
  type ProductConditions,
} from './productConditions';
import { productOrder } from './productOrder';
import { searchWords, textMatches } from './searchTerm';
import {
  DETAILS,
  GOVERNANCE_RESULTS,
  isPostgres,
  PRODUCTS,
  VALUES,
} from './tables';
import type { StoredCard } from './toIndexedProduct';
import {
  MARKETPLACE_FACETS,
  type FacetCount,
  type MarketplaceFacet,
  type MarketplaceQueryRequest,
  type MarketplaceQueryResult,
  type ProductCard,
} from './types';

/** The most products a term's matches are listed for (see fewTextMatches). */
const MAX_LISTED_TEXT_MATCHES = 5000;

interface ValueCountRow {
  facet: ListFacet;
  value: string;
  count: number | string;
}

/**
 * The marketplace's queries on its index. Standard faceting: values OR-ed within a facet and
 * AND-ed across facets, each facet counted under everything but its own selection, so that
 * selecting a value keeps its alternatives. A page takes, run together:
 *
 * - the page: the entity refs in order, then their cards;
 * - the facet columns (domain, owner, type, classification, lifecycle) and the number of
 *   matches: one grouped count of their combinations, from which each facet is counted
 *   without its own selection (facetCounts.ts);
 * - the governance statuses, joined from governance_results;
 * - the tags and port types: one grouped count, or one per selected many-valued facet.
 */
export class MarketplaceQuery {
  constructor(
    private readonly db: Knex,
    private readonly options: {
      /** The most products a term's matches are listed for; tests lower it. */
      maxListedTextMatches?: number;
    } = {},
  ) {}

  async query(
    request: MarketplaceQueryRequest,
  ): Promise<MarketplaceQueryResult> {
    const words = searchWords(request.term);
    const conditions: ProductConditions = {
      words,
      textMatches: await this.fewTextMatches(words),
      selections: MARKETPLACE_FACETS.flatMap(facet => {
        const values = [...new Set(request.filters[facet] ?? [])];
        return values.length ? [{ facet, values }] : [];
      }),
    };
    const [refs, combinations, governance, listCounts] = await Promise.all([
      this.pageRefs(request, conditions),
      this.countCombinations(without(conditions, isColumnFacet)),
      this.countGovernance(without(conditions, f => f === 'governance')),
      this.countListFacets(conditions),
    ]);
    const columns = countColumnFacets(
      combinations,
      conditions.selections.filter(s => isColumnFacet(s.facet)),
    );

    const counts: Record<MarketplaceFacet, Map<string, number>> = {
      ...columns.counts,
      governance: new Map(governance.map(r => [r.value, Number(r.count)])),
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

  /**
   * On PostgreSQL, the refs of the products that hold every word, when there are at most
   * MAX_LISTED_TEXT_MATCHES: the four or five statements of a page then take them as a list
   * instead of each matching the words again. Matching costs most of a search (each row the
   * trigram index finds is read and checked): at 10,000 products, a word in a fifth of them
   * took 10 to 20 ms per statement. A term that matches more is matched by each statement,
   * rather than sending a long list four times. SQLite runs one statement at a time, on the
   * FTS5 table that matches quickly, and keeps that.
   */
  private async fewTextMatches(words: string[]): Promise<string[] | undefined> {
    if (words.length === 0 || !isPostgres(this.db)) {
      return undefined;
    }
    const max = this.options.maxListedTextMatches ?? MAX_LISTED_TEXT_MATCHES;
    const rows: Array<{ entity_ref: string }> = await textMatches(
      this.db,
      words,
    ).limit(max + 1);
    return rows.length > max ? undefined : rows.map(row => row.entity_ref);
  }

  /** The entity refs of the page, in order. */
  private async pageRefs(
    request: MarketplaceQueryRequest,
    conditions: ProductConditions,
  ): Promise<string[]> {
    const { db } = this;
    const order = productOrder(db, request.sort, conditions.words);
    const rows: Array<{ entity_ref: string }> = await db(`${PRODUCTS} as p`)
      .select('p.entity_ref')
      .modify(q => whereProductMatches(db, q, conditions))
      .orderByRaw(order.sql, order.bindings)
      .limit(request.limit)
      .offset(request.offset);
    return rows.map(row => row.entity_ref);
  }

  /** The cards of the page with their governance status, in the page's order. */
  private async cards(refs: string[]): Promise<ProductCard[]> {
    if (refs.length === 0) {
      return [];
    }
    const rows: Array<{
      entity_ref: string;
      card: string;
      status: GovernanceStatus | null;
    }> = await this.db(`${DETAILS} as d`)
      .leftJoin(`${GOVERNANCE_RESULTS} as g`, 'g.entity_ref', 'd.entity_ref')
      .select('d.entity_ref', 'd.card', 'g.status')
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

  /** How many matching products have each combination of the facet columns. */
  private async countCombinations(
    conditions: ProductConditions,
  ): Promise<CombinationRow[]> {
    const { db } = this;
    const columns = COLUMN_FACETS.map(facet => `p.${facet}`);
    return db(`${PRODUCTS} as p`)
      .select(columns)
      .count({ count: '*' })
      .modify(q => whereProductMatches(db, q, conditions))
      .groupBy(columns);
  }

  /**
   * The governance statuses of the matching products; those not evaluated have none. A
   * statement of its own rather than a join in the combinations: SQLite then reads the
   * results in the order of their key, where the join would seek them at random.
   */
  private async countGovernance(
    conditions: ProductConditions,
  ): Promise<Array<{ value: string; count: number | string }>> {
    const { db } = this;
    // Always through the index: a result of a product it no longer holds is not counted.
    const matching = db(`${PRODUCTS} as p`)
      .select('p.entity_ref')
      .modify(q => whereProductMatches(db, q, conditions));
    return db(`${GOVERNANCE_RESULTS} as g`)
      .select('g.status as value')
      .count({ count: '*' })
      .whereIn('g.entity_ref', matching)
      .groupBy('g.status');
  }

  /**
   * Tags and port types. Each is counted without its own selection: one statement for those
   * that share their conditions (both, when neither is selected), one for each other.
   */
  private async countListFacets(
    conditions: ProductConditions,
  ): Promise<ValueCountRow[]> {
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
    const results = await Promise.all(
      groups.map(group => this.countValues(group.facets, group.conditions)),
    );
    return results.flat();
  }

  private async countValues(
    facets: ListFacet[],
    conditions: ProductConditions,
  ): Promise<ValueCountRow[]> {
    const { db } = this;
    // Every value row belongs to an indexed product: without conditions, no join is needed.
    if (isUnrestricted(conditions)) {
      return (await db(`${VALUES} as v`)
        .select('v.facet', 'v.value')
        .count({ count: '*' })
        .whereIn('v.facet', facets)
        .groupBy('v.facet', 'v.value')) as ValueCountRow[];
    }
    // From the matching products to their values. CROSS JOIN is an inner join that SQLite
    // nests in the order written, so a search that matches few products reads their values
    // only, not every value row; PostgreSQL plans it as any join.
    const matching = db(`${PRODUCTS} as p`)
      .select('p.entity_ref')
      .modify(q => whereProductMatches(db, q, conditions));
    return (await db
      .from(matching.as('m'))
      .crossJoin(db.raw('?? as ??', [VALUES, 'v']))
      .select('v.facet', 'v.value')
      .count({ count: '*' })
      .where('v.entity_ref', db.ref('m.entity_ref'))
      .whereIn('v.facet', facets)
      .groupBy('v.facet', 'v.value')) as ValueCountRow[];
  }
}
