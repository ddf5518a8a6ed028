import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { domainLabel } from '../../lib/format';

/** A domain in a table: a link to its page, or "No domain" for products that name none. */
export function DomainCell(props: { domain: string | null }) {
  return props.domain ? (
    <EntityRefLink entityRef={props.domain} defaultKind="domain" />
  ) : (
    <>{domainLabel(null)}</>
  );
}
