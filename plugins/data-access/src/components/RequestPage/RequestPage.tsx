import {
  Content,
  Header,
  InfoCard,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { dataAccessApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import { RequestActions, type ActionOutcome } from '../shared/RequestActions';
import { RequestDetails } from './RequestDetails';
import { RequestTimeline } from './RequestTimeline';

/** One access request, followed like an order, with the actions the user may take on it. */
export function RequestPage() {
  const { id = '' } = useParams();
  const api = useApi(dataAccessApiRef);
  const rootLink = useRouteRef(rootRouteRef);
  const [notice, setNotice] = useState<ActionOutcome>();

  const { value, loading, error, retry } = useAsyncRetry(async () => {
    const [request, history] = await Promise.all([
      api.getRequest(id),
      api.getRequestHistory(id),
    ]);
    return { request, history };
  }, [api, id]);

  const onOutcome = (outcome: ActionOutcome) => {
    setNotice(outcome);
    if (outcome.reload) {
      retry();
    }
  };

  let body;
  if (error && !value) {
    body = <ResponseErrorPanel error={error} />;
  } else if (!value) {
    body = <Progress />;
  } else {
    body = (
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <RequestActions request={value.request} onOutcome={onOutcome} />
        </Grid>
        <Grid item xs={12} md={7}>
          <InfoCard title="Request">
            <RequestDetails request={value.request} />
          </InfoCard>
        </Grid>
        <Grid item xs={12} md={5}>
          <InfoCard title="Tracking">
            <RequestTimeline request={value.request} history={value.history} />
          </InfoCard>
        </Grid>
      </Grid>
    );
  }

  return (
    <Page themeId="tool">
      <Header
        title="Access request"
        type="Data access"
        typeLink={rootLink()}
        subtitle={value ? value.request.dataProduct : undefined}
      />
      <Content>
        {notice && (
          <Alert
            severity={notice.severity}
            onClose={() => setNotice(undefined)}
            style={{ marginBottom: 16 }}
          >
            {notice.message}
          </Alert>
        )}
        {loading && value && <Progress />}
        {body}
      </Content>
    </Page>
  );
}
