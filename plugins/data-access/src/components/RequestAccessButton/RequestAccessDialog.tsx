import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import type { AccessRequest } from '@datamesh/plugin-data-access-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { KeyboardEvent, useMemo, useRef, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { dataAccessApiRef, newIdempotencyKey } from '../../api';
import { tomorrowIsoDate } from '../../lib/dates';
import { errorMessage } from '../../lib/errors';
import { useFocusOnMount } from '../../lib/useFocusOnMount';
import { outputPortsOf } from './outputPorts';
import {
  validateRequestForm,
  type RequestFormErrors,
  type RequestFormValues,
} from './requestForm';
import { useConsumerOptions } from './useConsumerOptions';

export interface RequestAccessDialogProps {
  open: boolean;
  /** The DataProduct to ask access to. */
  entity: Entity;
  onClose: () => void;
  onCreated: (request: AccessRequest) => void;
}

/** Asks for access to an output port of a data product: what, why, for whom, how long. */
export function RequestAccessDialog(props: RequestAccessDialogProps) {
  const { open, onClose } = props;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      aria-labelledby="data-access-request-title"
      fullWidth
      maxWidth="sm"
    >
      {/* Mounted only while open, so each opening starts a fresh form and key. */}
      {open && <RequestAccessForm {...props} />}
    </Dialog>
  );
}

function RequestAccessForm(props: RequestAccessDialogProps) {
  const { entity, onClose, onCreated } = props;
  const api = useApi(dataAccessApiRef);
  const ports = useMemo(() => outputPortsOf(entity), [entity]);
  const purposes = useAsync(() => api.listPurposeCategories(), [api]);
  const consumers = useConsumerOptions();
  const firstField = useFocusOnMount<HTMLSelectElement>();

  const [values, setValues] = useState<RequestFormValues>({
    outputPort: ports.length === 1 ? ports[0].name : '',
    purposeCategory: '',
    purposeText: '',
    endDate: '',
    consumer: '',
  });
  const [errors, setErrors] = useState<RequestFormErrors>({});
  const [problem, setProblem] = useState<string>();
  const [submitting, setSubmitting] = useState(false);
  // One key per distinct submission: retrying the same body after a network failure
  // reuses it, so the backend hands back the request it may already have created.
  const lastAttempt = useRef<{ body: string; key: string }>();

  const set =
    (field: keyof RequestFormValues) =>
    (event: { target: { value: string } }) =>
      setValues(current => ({ ...current, [field]: event.target.value }));

  const submit = async () => {
    if (submitting) {
      return;
    }
    const result = validateRequestForm(stringifyEntityRef(entity), values);
    if (!result.ok) {
      setErrors(result.errors);
      setProblem(result.general);
      return;
    }
    setErrors({});
    setProblem(undefined);
    const json = JSON.stringify(result.body);
    if (lastAttempt.current?.body !== json) {
      lastAttempt.current = { body: json, key: newIdempotencyKey() };
    }
    setSubmitting(true);
    try {
      const created = await api.createRequest(result.body, {
        idempotencyKey: lastAttempt.current.key,
      });
      onCreated(created);
    } catch (error) {
      setProblem(errorMessage(error));
      setSubmitting(false);
    }
  };

  // Enter submits from the purpose too (a sentence is expected); Shift+Enter adds a line.
  const submitOnEnter = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      submit();
    }
  };

  const selectedPort = ports.find(port => port.name === values.outputPort);
  const selectedPurpose = purposes.value?.find(
    purpose => purpose.id === values.purposeCategory,
  );
  const title = entity.metadata.title ?? entity.metadata.name;

  return (
    <form
      noValidate
      onSubmit={event => {
        event.preventDefault();
        submit();
      }}
    >
      <DialogTitle id="data-access-request-title">
        Request access to {title}
      </DialogTitle>
      <DialogContent>
        {problem && (
          <Alert severity="error" role="alert">
            {problem}
          </Alert>
        )}
        {ports.length === 0 && (
          <Alert severity="info">
            This data product has no output port to ask access to yet.
          </Alert>
        )}
        <TextField
          id="data-access-output-port"
          label="Output port"
          select
          SelectProps={{ native: true }}
          value={values.outputPort}
          onChange={set('outputPort')}
          error={Boolean(errors.outputPort)}
          helperText={errors.outputPort ?? selectedPort?.description}
          inputRef={firstField}
          required
          fullWidth
          margin="normal"
        >
          {ports.length !== 1 && <option value="">Choose a port</option>}
          {ports.map(port => (
            <option key={port.name} value={port.name}>
              {port.type ? `${port.name} (${port.type})` : port.name}
            </option>
          ))}
        </TextField>
        <TextField
          id="data-access-purpose-category"
          label="Purpose category"
          select
          SelectProps={{ native: true }}
          value={values.purposeCategory}
          onChange={set('purposeCategory')}
          error={Boolean(errors['purpose.category'] || purposes.error)}
          helperText={
            errors['purpose.category'] ??
            (purposes.error
              ? `Could not load the categories: ${errorMessage(purposes.error)}`
              : selectedPurpose?.description)
          }
          required
          fullWidth
          margin="normal"
        >
          <option value="">
            {purposes.loading ? 'Loading categories…' : 'Choose a category'}
          </option>
          {(purposes.value ?? []).map(purpose => (
            <option key={purpose.id} value={purpose.id}>
              {purpose.title}
            </option>
          ))}
        </TextField>
        <TextField
          id="data-access-purpose-text"
          label="Purpose"
          placeholder="What you will do with the data, and why you need it"
          value={values.purposeText}
          onChange={set('purposeText')}
          onKeyDown={submitOnEnter}
          error={Boolean(errors['purpose.text'])}
          helperText={
            errors['purpose.text'] ??
            'The owners decide on it. Shift+Enter starts a new line.'
          }
          multiline
          minRows={3}
          required
          fullWidth
          margin="normal"
        />
        <TextField
          id="data-access-end-date"
          label="End date (optional)"
          type="date"
          value={values.endDate}
          onChange={set('endDate')}
          error={Boolean(errors.endDate)}
          helperText={
            errors.endDate ?? 'Last day of access; leave empty for no end'
          }
          InputLabelProps={{ shrink: true }}
          inputProps={{ min: tomorrowIsoDate() }}
          fullWidth
          margin="normal"
        />
        <TextField
          id="data-access-consumer"
          label="On behalf of"
          select
          SelectProps={{ native: true }}
          value={values.consumer}
          onChange={set('consumer')}
          error={Boolean(errors.consumer)}
          helperText={
            errors.consumer ??
            (consumers.error
              ? 'Your groups could not be loaded; you can still ask for yourself.'
              : 'Who will consume the data')
          }
          fullWidth
          margin="normal"
        >
          <option value="">{consumers.value?.me?.label ?? 'Me'}</option>
          {consumers.value && consumers.value.groups.length > 0 && (
            <optgroup label="My groups">
              {consumers.value.groups.map(option => (
                <option key={option.ref} value={option.ref}>
                  {option.label}
                </option>
              ))}
            </optgroup>
          )}
          {consumers.value && consumers.value.owned.length > 0 && (
            <optgroup label="Components and systems of my groups">
              {consumers.value.owned.map(option => (
                <option key={option.ref} value={option.ref}>
                  {option.label}
                </option>
              ))}
            </optgroup>
          )}
        </TextField>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          type="submit"
          color="primary"
          variant="contained"
          disabled={submitting || ports.length === 0}
        >
          {submitting ? 'Submitting…' : 'Submit request'}
        </Button>
      </DialogActions>
    </form>
  );
}
