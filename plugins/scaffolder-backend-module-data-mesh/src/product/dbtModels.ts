import type { Entity } from '@backstage/catalog-model';
import type { OutputPortAnswer } from './answers';

/** A dbt model that builds one output port's view or table. */
export interface DbtModel {
  /** The model's name in the dbt project (unique, snake case): the address's last part. */
  name: string;
  port: string;
  materialized: 'view' | 'table';
  /** The schema the address names, if it names one. */
  schema?: string;
  description?: string;
  columns: Array<{ name: string; description?: string }>;
  /** The dbt source the skeleton's SQL selects from. */
  source: { name: string; table: string };
}

/** A dbt source: an upstream product's exposed views, or the system a product reads. */
export interface DbtSource {
  name: string;
  schema: string;
  description: string;
  tables: string[];
}

/** `Brokerage Ratings-2` → `brokerage_ratings_2`: a bare SQL and dbt identifier. */
export function snakeCase(value: string): string {
  const snake = value
    .toLocaleLowerCase('en-US')
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return /^[a-z_]/.test(snake) ? snake : `_${snake}`;
}

/** `warehouse.brokerage_ratings.current_ratings` → schema and relation name. */
function splitAddress(address: string): { schema?: string; relation?: string } {
  const parts = address
    .split('.')
    .map(p => p.trim())
    .filter(Boolean);
  if (parts.length < 2) {
    return {};
  }
  return {
    schema: snakeCase(parts[parts.length - 2]),
    relation: snakeCase(parts[parts.length - 1]),
  };
}

const BUILT_BY_DBT: Record<string, 'view' | 'table'> = {
  'sql-view': 'view',
  table: 'table',
};

/**
 * The dbt sources of a product: the SQL ports of the upstream products it reads (its input
 * ports), or, for a source-aligned product, the operational system to be filled in.
 */
export function dbtSources(
  upstream: Entity[],
  ports: OutputPortAnswer[],
): DbtSource[] {
  const sources = upstream.flatMap(product => {
    const outputPorts =
      (product.spec?.outputPorts as Array<{
        type?: string;
        address?: string;
      }>) ?? [];
    const tables = outputPorts
      .filter(p => p.type && BUILT_BY_DBT[p.type] && p.address)
      .map(p => splitAddress(p.address!))
      .filter(p => p.schema && p.relation);
    if (tables.length === 0) {
      return [];
    }
    return [
      {
        name: snakeCase(product.metadata.name),
        schema: tables[0].schema!,
        description: `Output ports of the data product ${
          product.metadata.title ?? product.metadata.name
        }`,
        tables: [...new Set(tables.map(t => t.relation!))],
      },
    ];
  });
  if (sources.length > 0) {
    return sources;
  }
  return [
    {
      name: 'source_system',
      schema: 'raw',
      description:
        'The operational system this product is aligned with: set its schema and tables.',
      tables: ports.map(port => snakeCase(port.name)),
    },
  ];
}

/** One dbt model per port that dbt builds (views and tables); the others have none. */
export function dbtModels(
  ports: OutputPortAnswer[],
  sources: DbtSource[],
): DbtModel[] {
  const [firstSource] = sources;
  return ports
    .filter(port => BUILT_BY_DBT[port.type])
    .map((port, index) => {
      const { schema, relation } = splitAddress(port.address);
      return {
        name: relation ?? snakeCase(port.name),
        port: port.name,
        materialized: BUILT_BY_DBT[port.type],
        ...(schema ? { schema } : {}),
        ...(port.description ? { description: port.description } : {}),
        columns: port.columns.map(c => ({
          name: c.name,
          ...(c.description ? { description: c.description } : {}),
        })),
        source: {
          name: firstSource.name,
          table:
            firstSource.tables[Math.min(index, firstSource.tables.length - 1)],
        },
      };
    });
}
