import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import { RequestActions, type ActionOutcome } from '../shared/RequestActions';
import { PagedRequests } from './PagedRequests';
import { RequestTable } from './RequestTable';
import { usePagedRequests } from './usePagedRequests';

/** The owner's inbox: submitted requests for their products, to approve or reject. */
export function ToDecideTab() {
  const list = usePagedRequests({ view: 'to-decide' });
  const [notice, setNotice] = useState<ActionOutcome>();
  const { reload } = list;

  const onOutcome = (outcome: ActionOutcome) => {
    setNotice(outcome);
    if (outcome.reload) {
      reload();
    }
  };

  return (
    <>
      {notice && (
        <Alert
          severity={notice.severity}
          onClose={() => setNotice(undefined)}
          style={{ marginBottom: 16 }}
        >
          {notice.message}
        </Alert>
      )}
      <PagedRequests
        list={list}
        empty={{
          title: 'Nothing to decide',
          description:
            'Requests for access to the data products you own appear here.',
        }}
      >
        <RequestTable
          requests={list.items}
          label="Requests to decide"
          showRequester
          renderActions={request => (
            <RequestActions
              request={request}
              include={['decide']}
              onOutcome={onOutcome}
            />
          )}
        />
      </PagedRequests>
    </>
  );
}
