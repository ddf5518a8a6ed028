import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  dataAccessRequestRevokePermission,
  endAccessRequestSchema,
  type AccessGrant,
} from '@datamesh/plugin-data-access-common';
import Button from '@material-ui/core/Button';
import { useState } from 'react';
import { dataAccessApiRef } from '../../api';
import { errorMessage, isConflict } from '../../lib/errors';
import { ReasonDialog } from './ReasonDialog';
import type { ActionOutcome } from './RequestActions';

/**
 * Ends a consumer's access, for whom the permission framework allows to revoke this grant
 * (the product's owners or governance). A grant is a request in state `granted`, which the
 * state machine always lets be revoked.
 */
export function RevokeGrantButton(props: {
  grant: AccessGrant;
  onOutcome: (outcome: ActionOutcome) => void;
}) {
  const { grant, onOutcome } = props;
  const api = useApi(dataAccessApiRef);
  const { allowed } = usePermission({
    permission: dataAccessRequestRevokePermission,
    resourceRef: grant.requestId,
  });
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);

  if (!allowed) {
    return null;
  }

  const revoke = async (reason: string) => {
    setBusy(true);
    try {
      await api.revokeRequest(grant.requestId, reason ? { reason } : {});
      onOutcome({
        severity: 'success',
        message: 'Access revoked; delivery has been asked to remove it.',
        reload: true,
      });
    } catch (error) {
      onOutcome(
        isConflict(error)
          ? {
              severity: 'warning',
              message:
                'Someone acted first: this access changed since you opened the page. It has been reloaded.',
              reload: true,
            }
          : { severity: 'error', message: errorMessage(error), reload: false },
      );
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };

  const validate = (reason: string) => {
    const result = endAccessRequestSchema.safeParse({
      reason: reason.trim() || undefined,
    });
    return result.success
      ? undefined
      : result.error.issues[0]?.message ?? 'invalid reason';
  };

  return (
    <>
      <Button
        size="small"
        variant="outlined"
        disabled={busy}
        onClick={() => setAsking(true)}
      >
        Revoke
      </Button>
      {asking && (
        <ReasonDialog
          open
          title="Revoke the access"
          description="The data platform will be asked to remove the access; the consumer is told. A reason is optional."
          confirmLabel="Revoke"
          validate={validate}
          busy={busy}
          onConfirm={revoke}
          onClose={() => setAsking(false)}
        />
      )}
    </>
  );
}
