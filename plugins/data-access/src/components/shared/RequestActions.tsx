import { useApi } from '@backstage/core-plugin-api';
import {
  decideAccessRequestSchema,
  endAccessRequestSchema,
  type AccessRequest,
} from '@datamesh/plugin-data-access-common';
import Button from '@material-ui/core/Button';
import { makeStyles } from '@material-ui/core/styles';
import { useState } from 'react';
import { dataAccessApiRef } from '../../api';
import { errorMessage, isConflict } from '../../lib/errors';
import { ReasonDialog } from './ReasonDialog';
import { useRequestPermissions } from './useRequestPermissions';

/** What came of an action, for the page to show and to decide whether to reload. */
export interface ActionOutcome {
  severity: 'success' | 'warning' | 'error';
  message: string;
  /** The request changed (or someone changed it first): read it again. */
  reload: boolean;
}

export type RequestActionKind = 'decide' | 'cancel' | 'revoke';

export interface RequestActionsProps {
  request: AccessRequest;
  /** Which kinds of action to offer here; all by default. */
  include?: RequestActionKind[];
  onOutcome: (outcome: ActionOutcome) => void;
}

const useStyles = makeStyles(theme => ({
  actions: { display: 'flex', gap: theme.spacing(1), flexWrap: 'wrap' },
}));

type Asking = 'reject' | 'cancel' | 'revoke';

const ASKING: Record<
  Asking,
  { title: string; description: string; confirmLabel: string }
> = {
  reject: {
    title: 'Reject the request',
    description:
      'Say why, so the requester knows what to change; they will read this reason.',
    confirmLabel: 'Reject',
  },
  cancel: {
    title: 'Cancel the request',
    description: 'The product owners will no longer be asked to decide.',
    confirmLabel: 'Cancel request',
  },
  revoke: {
    title: 'Revoke the access',
    description:
      'The data platform will be asked to remove the access; the consumer is told.',
    confirmLabel: 'Revoke',
  },
};

/**
 * Approve, reject, cancel, revoke: each offered only when the permission framework and the
 * request's state allow it. Decisions name the version the user saw, so a decision made
 * meanwhile by someone else answers 409 instead of being overwritten.
 */
export function RequestActions(props: RequestActionsProps) {
  const {
    request,
    include = ['decide', 'cancel', 'revoke'],
    onOutcome,
  } = props;
  const classes = useStyles();
  const api = useApi(dataAccessApiRef);
  const { canDecide, canCancel, canRevoke } = useRequestPermissions(request);
  const [asking, setAsking] = useState<Asking>();
  const [busy, setBusy] = useState(false);

  const run = async (
    action: () => Promise<unknown>,
    done: string,
    conflict: string,
  ) => {
    setBusy(true);
    try {
      await action();
      setAsking(undefined);
      onOutcome({ severity: 'success', message: done, reload: true });
    } catch (error) {
      setAsking(undefined);
      if (isConflict(error)) {
        onOutcome({ severity: 'warning', message: conflict, reload: true });
      } else {
        onOutcome({
          severity: 'error',
          message: errorMessage(error),
          reload: false,
        });
      }
    } finally {
      setBusy(false);
    }
  };

  const decidedFirst =
    'Someone decided first: the request changed since you opened it. It has been reloaded.';
  const changedFirst =
    'Someone acted first: the request changed since you opened it. It has been reloaded.';

  const approve = () =>
    run(
      () =>
        api.decideRequest(request.id, {
          decision: 'approve',
          version: request.version,
        }),
      'Request approved; delivery has been asked to provide the access.',
      decidedFirst,
    );

  const confirm = (reason: string) => {
    const optionalReason = reason ? { reason } : {};
    if (asking === 'reject') {
      run(
        () =>
          api.decideRequest(request.id, {
            decision: 'reject',
            reason,
            version: request.version,
          }),
        'Request rejected.',
        decidedFirst,
      );
    } else if (asking === 'cancel') {
      run(
        () => api.cancelRequest(request.id, optionalReason),
        'Request cancelled.',
        changedFirst,
      );
    } else if (asking === 'revoke') {
      run(
        () => api.revokeRequest(request.id, optionalReason),
        'Access revoked; delivery has been asked to remove it.',
        changedFirst,
      );
    }
  };

  // The shared schemas keep the dialog's rules and the backend's the same.
  const validate = (reason: string): string | undefined => {
    const trimmed = reason.trim();
    const result =
      asking === 'reject'
        ? decideAccessRequestSchema.safeParse({
            decision: 'reject',
            reason: trimmed || undefined,
            version: request.version,
          })
        : endAccessRequestSchema.safeParse({ reason: trimmed || undefined });
    if (result.success) {
      return undefined;
    }
    const message = result.error.issues[0]?.message ?? 'invalid reason';
    return message.charAt(0).toLocaleUpperCase() + message.slice(1);
  };

  const showDecide = include.includes('decide') && canDecide;
  const showCancel = include.includes('cancel') && canCancel;
  const showRevoke = include.includes('revoke') && canRevoke;
  if (!showDecide && !showCancel && !showRevoke) {
    return null;
  }

  return (
    <div className={classes.actions}>
      {showDecide && (
        <>
          <Button
            variant="contained"
            color="primary"
            size="small"
            disabled={busy}
            onClick={approve}
          >
            Approve
          </Button>
          <Button
            variant="outlined"
            size="small"
            disabled={busy}
            onClick={() => setAsking('reject')}
          >
            Reject
          </Button>
        </>
      )}
      {showCancel && (
        <Button
          variant="outlined"
          size="small"
          disabled={busy}
          onClick={() => setAsking('cancel')}
        >
          Cancel request
        </Button>
      )}
      {showRevoke && (
        <Button
          variant="outlined"
          size="small"
          disabled={busy}
          onClick={() => setAsking('revoke')}
        >
          Revoke access
        </Button>
      )}
      {asking && (
        <ReasonDialog
          open
          {...ASKING[asking]}
          description={
            asking === 'reject'
              ? ASKING.reject.description
              : `${ASKING[asking].description} A reason is optional.`
          }
          validate={validate}
          busy={busy}
          onConfirm={confirm}
          onClose={() => setAsking(undefined)}
        />
      )}
    </div>
  );
}
