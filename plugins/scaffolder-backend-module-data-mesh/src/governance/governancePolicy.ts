import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  createGovernanceContext,
  evaluateGovernance,
  GovernanceResult,
  governanceRefsOf,
  PolicyRule,
} from '@datamesh/plugin-data-mesh-common';
import type { WorkspaceDescriptor } from '../workspace/readWorkspaceDescriptors';
import type { DescriptorPolicy, PolicyIssue } from './policies';
import { productsOf } from './productFiles';

/** The engine's verdict on one product of the repository, and its descriptor file. */
export interface ProductGovernance {
  file: string;
  result: GovernanceResult;
}

function refOf(entity: Entity): string {
  return `${entity.kind}:${entity.metadata.namespace ?? 'default'}/${
    entity.metadata.name
  }`.toLocaleLowerCase('en-US');
}

/**
 * What the rules look up that the repository does not hold (the owner group, the domain
 * with its own policies, upstream products, the successor, contracts), read from the
 * catalog in one request, as the person who runs the template sees it.
 */
export async function catalogEntitiesFor(
  workspaceEntities: Entity[],
  catalog: CatalogService | undefined,
  credentials: BackstageCredentials | undefined,
): Promise<Entity[]> {
  if (!catalog || !credentials) {
    return [];
  }
  const own = new Set(workspaceEntities.map(refOf));
  const refs = [
    ...new Set(workspaceEntities.flatMap(e => governanceRefsOf(e))),
  ].filter(ref => !own.has(ref));
  if (refs.length === 0) {
    return [];
  }
  const { items } = await catalog.getEntitiesByRefs(
    { entityRefs: refs },
    { credentials },
  );
  return items.filter((e): e is Entity => Boolean(e));
}

/**
 * Runs the governance engine, as the CLI and the catalog do, on each product of the
 * repository with the catalog's entities and the repository's own (which win) as context;
 * the results come back for the action's output, and as a DescriptorPolicy for its verdict.
 */
export function governancePolicy(options: {
  rules: PolicyRule[];
  descriptors: WorkspaceDescriptor[];
  catalogEntities: Entity[];
}): { policy: DescriptorPolicy; results: ProductGovernance[] } {
  const own = options.descriptors.flatMap(d => d.result.entities);
  const context = createGovernanceContext([...options.catalogEntities, ...own]);
  const results = productsOf(options.descriptors).map(
    ({ descriptor, product }) => ({
      file: descriptor.file,
      result: evaluateGovernance({
        entity: product,
        policies: options.rules,
        context,
      }),
    }),
  );
  const issues: PolicyIssue[] = results.flatMap(({ file, result }) =>
    result.results
      .filter(r => !r.passed)
      .map(r => ({
        file,
        path: r.path ? `(DataProduct) ${r.path}` : '',
        message: r.message,
        policy: r.ruleId,
        severity: r.severity,
      })),
  );
  return {
    results,
    policy: {
      id: 'governance',
      description:
        "The mesh-wide governance policies (datamesh.governance.policies) and the domain's own",
      check: () => issues,
    },
  };
}
