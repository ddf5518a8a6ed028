import type { Entity } from '@backstage/catalog-model';
import { usePermission } from '@backstage/plugin-permission-react';
import { dataAccessRequestCreatePermission } from '@datamesh/plugin-data-access-common';
import Button from '@material-ui/core/Button';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useOptionalEntity } from '../../lib/useOptionalEntity';
import { useRequestLink } from '../../lib/useRequestLink';
import { RequestAccessDialog } from './RequestAccessDialog';

/** @public */
export interface RequestAccessButtonProps {
  /** The DataProduct; defaults to the entity of the surrounding entity page. */
  entity?: Entity;
  variant?: 'text' | 'outlined' | 'contained';
  size?: 'small' | 'medium' | 'large';
}

/**
 * "Request access" for a data product, opening the request dialog; after submitting, the
 * user lands on the request's page to follow it. Hidden when the permission framework
 * does not let the user ask, and outside an entity page when no entity is given.
 *
 * @public
 */
export function RequestAccessButton(props: RequestAccessButtonProps) {
  const { variant = 'contained', size = 'medium' } = props;
  const entityOfPage = useOptionalEntity();
  const entity = props.entity ?? entityOfPage;
  const { allowed } = usePermission({
    permission: dataAccessRequestCreatePermission,
  });
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const requestLink = useRequestLink();

  if (!entity || !allowed) {
    return null;
  }
  return (
    <>
      <Button
        variant={variant}
        size={size}
        color="primary"
        onClick={() => setOpen(true)}
      >
        Request access
      </Button>
      <RequestAccessDialog
        open={open}
        entity={entity}
        onClose={() => setOpen(false)}
        onCreated={request => {
          setOpen(false);
          navigate(requestLink(request.id));
        }}
      />
    </>
  );
}
