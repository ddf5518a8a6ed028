import { ANNOTATION_GOVERNANCE_STATUS } from '@datamesh/plugin-data-mesh-common';

/** A facet of the marketplace: the URL parameter that holds its selection, the catalog field. */
export interface FacetDefinition {
  /** URL parameter, repeated once per selected value. */
  param: string;
  /** The entity field the catalog filters and counts on. */
  field: string;
  label: string;
  /** Values are entity refs, shown by the entity's title. */
  entityRefKind?: string;
  /** Left out of the page when no product has a value for it. */
  hideWhenEmpty?: boolean;
}

export const FACETS: readonly FacetDefinition[] = [
  {
    param: 'domain',
    field: 'spec.domain',
    label: 'Domain',
    entityRefKind: 'domain',
  },
  {
    param: 'owner',
    field: 'spec.owner',
    label: 'Owner',
    entityRefKind: 'group',
  },
  { param: 'type', field: 'spec.type', label: 'Product type' },
  {
    param: 'classification',
    field: 'spec.classification',
    label: 'Classification',
  },
  { param: 'lifecycle', field: 'spec.lifecycle', label: 'Lifecycle' },
  { param: 'tag', field: 'metadata.tags', label: 'Tags' },
  { param: 'port', field: 'spec.outputPorts.type', label: 'Output port type' },
  {
    param: 'governance',
    field: `metadata.annotations.${ANNOTATION_GOVERNANCE_STATUS}`,
    label: 'Governance status',
    // Only there when a governance backend annotates products.
    hideWhenEmpty: true,
  },
];
