import { parseEntityRef } from '@backstage/catalog-model';
import { EntityDisplayName } from '@backstage/plugin-catalog-react';
import { humanizeValue } from '../../lib/humanize';
import { FacetDefinition } from './facets';

/**
 * A facet value as a person reads it: an entity ref by its entity's title (through the
 * app's entity presentation, which batches its catalog lookups), a code by its words.
 */
export function FacetValueLabel(props: {
  facet: FacetDefinition;
  value: string;
}) {
  const { facet, value } = props;
  if (facet.entityRefKind) {
    let isRef = true;
    try {
      parseEntityRef(value, { defaultKind: facet.entityRefKind });
    } catch {
      isRef = false;
    }
    return isRef ? (
      <EntityDisplayName
        entityRef={value}
        defaultKind={facet.entityRefKind}
        hideIcon
        disableTooltip
      />
    ) : (
      <>{value}</>
    );
  }
  // Tags are the authors' own words.
  return <>{facet.param === 'tag' ? value : humanizeValue(value)}</>;
}
