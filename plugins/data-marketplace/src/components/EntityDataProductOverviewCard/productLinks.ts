import {
  ANNOTATION_SOURCE_LOCATION,
  ANNOTATION_VIEW_URL,
  Entity,
} from '@backstage/catalog-model';
import { entityRouteParams } from '@backstage/plugin-catalog-react';
import { safeHref } from '../../lib/safeUrl';
import { asList, asRecord, asText } from '../../lib/values';

const ANNOTATION_TECHDOCS_REF = 'backstage.io/techdocs-ref';
const ANNOTATION_TECHDOCS_ENTITY = 'backstage.io/techdocs-entity';

export type ProductLink = {
  title: string;
  href: string;
  /** Inside the portal (TechDocs), rather than out to another site. */
  internal?: boolean;
};

/**
 * Where to read more about a product: its TechDocs, its source (the descriptor's repository)
 * and the links it lists. Only http, https and mailto addresses become links.
 */
export function productLinks(entity: Entity): ProductLink[] {
  const links: ProductLink[] = [];
  const annotations = entity.metadata.annotations ?? {};

  if (
    annotations[ANNOTATION_TECHDOCS_REF] ||
    annotations[ANNOTATION_TECHDOCS_ENTITY]
  ) {
    // TechDocs' conventional route; the plugin does not depend on the TechDocs plugin.
    const { namespace, kind, name } = entityRouteParams(entity);
    links.push({
      title: 'Documentation (TechDocs)',
      href: `/docs/${namespace}/${kind}/${name}`,
      internal: true,
    });
  }

  const viewUrl = safeHref(annotations[ANNOTATION_VIEW_URL]);
  const source = annotations[ANNOTATION_SOURCE_LOCATION];
  const sourceUrl = source?.startsWith('url:')
    ? safeHref(source.slice('url:'.length))
    : undefined;
  if (sourceUrl) {
    links.push({ title: 'Source', href: sourceUrl });
  }
  if (viewUrl && viewUrl !== sourceUrl) {
    links.push({ title: 'View descriptor', href: viewUrl });
  }

  for (const link of asList(entity.metadata.links)) {
    const record = asRecord(link);
    const href = safeHref(record?.url);
    if (href) {
      links.push({ title: asText(record?.title) ?? href, href });
    }
  }
  return links;
}
