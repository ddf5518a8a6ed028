import {
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import {
  catalogApiRef,
  humanizeEntityRef,
} from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';

/** One choice of "on behalf of": its entity ref and what people read. */
export interface ConsumerOption {
  ref: string;
  label: string;
}

export interface ConsumerOptions {
  me?: ConsumerOption;
  groups: ConsumerOption[];
  /** Components and systems that one of the user's groups owns. */
  owned: ConsumerOption[];
}

const FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'spec.profile.displayName',
];

/** A title when the entity has one, else its humanized ref; the kind when choices mix kinds. */
function optionOf(entity: Entity, showKind: boolean): ConsumerOption {
  const profile = (entity.spec as { profile?: { displayName?: string } })
    ?.profile;
  const name =
    entity.metadata.title ??
    profile?.displayName ??
    humanizeEntityRef(entity, { defaultKind: entity.kind });
  return {
    ref: stringifyEntityRef(entity),
    label: showKind
      ? `${name} (${entity.kind.toLocaleLowerCase('en-US')})`
      : name,
  };
}

const byLabel = (a: ConsumerOption, b: ConsumerOption) =>
  a.label.localeCompare(b.label);

/**
 * Who the user may ask on behalf of, as the backend accepts it: themselves, one of their
 * groups, or a component or system owned by one of their groups.
 */
export function useConsumerOptions() {
  const identityApi = useApi(identityApiRef);
  const catalogApi = useApi(catalogApiRef);

  return useAsync(async (): Promise<ConsumerOptions> => {
    const identity = await identityApi.getBackstageIdentity();
    const me: ConsumerOption = {
      ref: identity.userEntityRef,
      label: `Me (${humanizeEntityRef(parseEntityRef(identity.userEntityRef), {
        defaultKind: 'user',
      })})`,
    };
    const groupRefs = identity.ownershipEntityRefs.filter(
      ref => parseEntityRef(ref).kind.toLocaleLowerCase('en-US') === 'group',
    );
    if (groupRefs.length === 0) {
      return { me, groups: [], owned: [] };
    }

    const [groupEntities, ownedEntities] = await Promise.all([
      catalogApi.getEntitiesByRefs({ entityRefs: groupRefs, fields: FIELDS }),
      // One filter per kind: each filter is an AND of its keys, the list an OR.
      catalogApi.getEntities({
        filter: ['component', 'system'].map(kind => ({
          kind,
          'relations.ownedBy': groupRefs,
        })),
        fields: FIELDS,
      }),
    ]);

    // A group the catalog does not know (yet) is still a valid choice: show its ref.
    const groups = groupRefs.map((ref, index) => {
      const entity = groupEntities.items[index];
      return entity
        ? optionOf(entity, false)
        : {
            ref,
            label: humanizeEntityRef(parseEntityRef(ref), {
              defaultKind: 'group',
            }),
          };
    });
    const owned = ownedEntities.items
      .filter(entity =>
        ['component', 'system'].includes(
          entity.kind.toLocaleLowerCase('en-US'),
        ),
      )
      .map(entity => optionOf(entity, true));
    return { me, groups: groups.sort(byLabel), owned: owned.sort(byLabel) };
  }, [identityApi, catalogApi]);
}
