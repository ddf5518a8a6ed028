import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import { FormEvent, useState } from 'react';
import { useFocusOnMount } from '../../lib/useFocusOnMount';

export interface ReasonDialogProps {
  open: boolean;
  title: string;
  description: string;
  confirmLabel: string;
  /** Says what is wrong with the reason, or undefined when it will do. */
  validate: (reason: string) => string | undefined;
  busy?: boolean;
  onConfirm: (reason: string) => void;
  onClose: () => void;
}

/** Asks why before an action that ends or refuses a request (reject, cancel, revoke). */
export function ReasonDialog(props: ReasonDialogProps) {
  const { open, title, description, confirmLabel, validate, busy } = props;
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string>();
  const reasonField = useFocusOnMount<HTMLInputElement>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate(reason);
    setProblem(found);
    if (!found) {
      props.onConfirm(reason.trim());
    }
  };

  const close = () => {
    setReason('');
    setProblem(undefined);
    props.onClose();
  };

  return (
    <Dialog open={open} onClose={close} fullWidth maxWidth="sm">
      <form onSubmit={submit} noValidate>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent>
          <DialogContentText>{description}</DialogContentText>
          <TextField
            id="data-access-reason"
            label="Reason"
            value={reason}
            onChange={event => setReason(event.target.value)}
            error={Boolean(problem)}
            helperText={problem}
            inputRef={reasonField}
            fullWidth
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>Back</Button>
          <Button type="submit" color="primary" disabled={busy}>
            {confirmLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
