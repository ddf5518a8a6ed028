import {
  Entity,
  parseEntityRef,
  RELATION_API_PROVIDED_BY,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_HAS_PART,
  RELATION_OWNED_BY,
  RELATION_PART_OF,
  RELATION_PROVIDES_API,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ANNOTATION_CONSUMER_COUNT,
  ANNOTATION_LISTED_AT,
  parseDescriptor,
  readDescriptor,
  RELATION_DATA_PRODUCT_CONSUMED_BY,
} from '@datamesh/plugin-data-mesh-common';

// Frontend packages may not import Node's built-ins, even in tests (the lint rule cannot tell
// a test helper from browser code); Jest runs in Node, so the helpers load them at run time.
const { readFileSync } = jest.requireActual<typeof import('fs')>('fs');
const { join, resolve } = jest.requireActual<typeof import('path')>('path');

// The demo mesh of Premium Offices as the catalog holds it: the real descriptor files of
// catalog-info/ converted by data-mesh-common's reader (as the catalog module does), with
// the relations the catalog processors emit. Tests use these rather than hand-made fixtures.

export const catalogInfoDir = resolve(__dirname, '../../../../catalog-info');

export function readCatalogFile(path: string): string {
  return readFileSync(join(catalogInfoDir, path), 'utf8');
}

/** The entities the catalog makes of one descriptor file; throws if it is refused. */
export function convertDescriptor(path: string): Entity[] {
  const result = readDescriptor(readCatalogFile(path), {
    sourceLocation: `url:https://git.premium-offices.example/data/catalog-info/blob/main/${path}`,
  });
  if (result.errors.length) {
    throw new Error(
      `${path} was refused: ${result.errors
        .map(e => `${e.path} ${e.message}`)
        .join('; ')}`,
    );
  }
  return result.entities;
}

export const DEMO_DESCRIPTORS = [
  'brokerage/tenancy-analytics.odps.yaml',
  'brokerage/tenancy-analytics.odcs.yaml',
  'brokerage/entity-ratings.odps.yaml',
  'brokerage/entity-ratings.odcs.yaml',
  'asset/property-portfolio.dpd.json',
  'capital-markets/rental-income-forecast.odps.yaml',
  'capital-markets/rental-income-forecast.datacontract.yaml',
  'capital-markets/credit-risk-dashboard.odps.yaml',
  'capital-markets/credit-risk-exposure.odcs.yaml',
];

/** The documents of a multi-document YAML file (the domains, the org). */
function readYamlDocuments(path: string): Entity[] {
  return readCatalogFile(path)
    .split(/^---\s*$/m)
    .filter(text => /\S/.test(text.replace(/#.*$/gm, '')))
    .map(text => parseDescriptor(text) as Entity);
}

export interface DemoCatalogOptions {
  /** Consumers per product name, as granted access requests would make them. */
  consumers?: Record<string, string[]>;
  /** Extra annotations per entity name (governance status, listed-at). */
  annotations?: Record<string, Record<string, string>>;
}

function addRelation(entity: Entity, type: string, targetRef: string) {
  const relations = (entity.relations ??= []);
  if (!relations.some(r => r.type === type && r.targetRef === targetRef)) {
    relations.push({ type, targetRef });
  }
}

/** Every demo entity with namespace, uid, relations and the catalog module's annotations. */
export function demoEntities(options: DemoCatalogOptions = {}): Entity[] {
  const entities = [
    ...readYamlDocuments('domains.yaml'),
    ...readYamlDocuments('org.yaml'),
    ...DEMO_DESCRIPTORS.flatMap(convertDescriptor),
  ].map((entity, index) => ({
    ...entity,
    metadata: {
      ...entity.metadata,
      namespace: entity.metadata.namespace ?? 'default',
      uid: `uid-${index}`,
      annotations: {
        ...entity.metadata.annotations,
        ...options.annotations?.[entity.metadata.name],
      },
    },
  }));
  const byRef = new Map(entities.map(e => [stringifyEntityRef(e), e]));
  const refOf = (ref: string, defaultKind: string) =>
    stringifyEntityRef(parseEntityRef(ref, { defaultKind }));

  entities
    .filter(entity => entity.kind === 'DataProduct')
    .forEach((product, index) => {
      const self = stringifyEntityRef(product);
      const spec = product.spec as Record<string, any>;
      const pair = (target: string, out: string, back: string) => {
        addRelation(product, out, target);
        const other = byRef.get(target);
        if (other) {
          addRelation(other, back, self);
        }
      };
      pair(refOf(spec.owner, 'group'), RELATION_OWNED_BY, 'ownerOf');
      pair(refOf(spec.domain, 'domain'), RELATION_PART_OF, RELATION_HAS_PART);
      for (const port of spec.inputPorts ?? []) {
        if (port.dataProduct) {
          pair(
            refOf(port.dataProduct, 'dataproduct'),
            RELATION_DEPENDS_ON,
            RELATION_DEPENDENCY_OF,
          );
        }
      }
      for (const port of spec.outputPorts ?? []) {
        if (port.contract) {
          pair(
            refOf(port.contract, 'api'),
            RELATION_PROVIDES_API,
            RELATION_API_PROVIDED_BY,
          );
        }
      }
      const consumers = options.consumers?.[product.metadata.name] ?? [];
      consumers.forEach(consumer =>
        addRelation(product, RELATION_DATA_PRODUCT_CONSUMED_BY, consumer),
      );
      product.metadata.annotations = {
        [ANNOTATION_LISTED_AT]: `2026-0${index + 1}-01T09:00:00.000Z`,
        ...product.metadata.annotations,
        [ANNOTATION_CONSUMER_COUNT]: String(consumers.length).padStart(6, '0'),
      };
    });
  return entities;
}

export function demoEntity(entities: Entity[], ref: string): Entity {
  const found = entities.find(e => stringifyEntityRef(e) === ref);
  if (!found) {
    throw new Error(`no demo entity ${ref}`);
  }
  return found;
}

/**
 * Many products for paging: copies of the real Entity ratings descriptor under other ids
 * and names, converted as the catalog would.
 */
export function demoProductCopies(count: number): Entity[] {
  const text = readCatalogFile('brokerage/entity-ratings.odps.yaml');
  return Array.from({ length: count }, (_, index) => {
    const number = String(index + 1).padStart(3, '0');
    const copy = text
      .replace(/^id: entity-ratings$/m, `id: ratings-copy-${number}`)
      .replace(/^name: Entity ratings$/m, `name: Ratings copy ${number}`);
    const [product] = readDescriptor(copy).entities;
    return {
      ...product,
      metadata: {
        ...product.metadata,
        namespace: 'default',
        uid: `copy-${number}`,
        annotations: {
          ...product.metadata.annotations,
          [ANNOTATION_LISTED_AT]: `2025-01-01T00:00:${number.slice(1)}.000Z`,
          [ANNOTATION_CONSUMER_COUNT]: '000000',
        },
      },
      relations: [],
    };
  });
}
