import { parseEntityRef } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';

/**
 * Who acted on a request: a user (linked to their catalog page) or a service such as
 * `plugin:data-access`, the delivery of the plugin itself.
 */
export function Actor(props: { actor: string }) {
  const { actor } = props;
  if (actor.startsWith('plugin:')) {
    return <>the delivery system ({actor.slice('plugin:'.length)})</>;
  }
  try {
    const ref = parseEntityRef(actor);
    return <EntityRefLink entityRef={ref} />;
  } catch {
    return <>{actor}</>;
  }
}
