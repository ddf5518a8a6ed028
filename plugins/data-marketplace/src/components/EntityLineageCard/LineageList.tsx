import type { Entity } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { productSpec } from '../../lib/dataProduct';
import { asText } from '../../lib/values';

/** Linked products with their domain; a ref the catalog does not hold is said so. */
export function LineageList(props: {
  refs: string[];
  entities: Map<string, Entity>;
  emptyText: string;
  label: string;
}) {
  const { refs, entities, emptyText, label } = props;
  if (!refs.length) {
    return (
      <Typography variant="body2" color="textSecondary">
        {emptyText}
      </Typography>
    );
  }
  return (
    <List dense disablePadding aria-label={label}>
      {refs.map(ref => {
        const entity = entities.get(ref);
        const domain = entity && asText(productSpec(entity).domain);
        return (
          <ListItem key={ref} disableGutters>
            <ListItemText
              primary={<EntityRefLink entityRef={entity ?? ref} />}
              secondaryTypographyProps={{ component: 'div' }}
              secondary={
                entity
                  ? domain && (
                      <>
                        Domain:{' '}
                        <EntityRefLink
                          entityRef={domain}
                          defaultKind="domain"
                          hideIcon
                        />
                      </>
                    )
                  : 'Not in the catalog'
              }
            />
          </ListItem>
        );
      })}
    </List>
  );
}
