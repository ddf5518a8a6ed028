import { Content, Header, Page } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import { useSearchParams } from 'react-router-dom';
import { ConsumersOfMyProductsTab } from './ConsumersOfMyProductsTab';
import { MyRequestsTab } from './MyRequestsTab';
import { ToDecideTab } from './ToDecideTab';

const TABS = [
  { id: 'mine', label: 'My requests', Panel: MyRequestsTab },
  { id: 'to-decide', label: 'To decide', Panel: ToDecideTab },
  {
    id: 'consumers',
    label: 'Consumers of my products',
    Panel: ConsumersOfMyProductsTab,
  },
] as const;

/**
 * The plugin's home: the user's own requests, the inbox of requests they decide on, and
 * who consumes their products. The tab is in the URL so it can be linked and reloaded.
 */
export function DataAccessHome() {
  const [searchParams, setSearchParams] = useSearchParams();
  const current =
    TABS.find(tab => tab.id === searchParams.get('tab')) ?? TABS[0];
  const { Panel } = current;

  return (
    <Page themeId="tool">
      <Header
        title="Data access"
        subtitle="Ask for access to data products, follow your requests, decide on requests for yours"
      />
      <Content>
        <Tabs
          value={current.id}
          onChange={(_event, id: string) =>
            // A tab starts from its own defaults, not the previous tab's filters.
            setSearchParams({ tab: id })
          }
          indicatorColor="primary"
          textColor="primary"
          aria-label="Data access views"
        >
          {TABS.map(tab => (
            <Tab
              key={tab.id}
              value={tab.id}
              label={tab.label}
              id={`data-access-tab-${tab.id}`}
              aria-controls={`data-access-panel-${tab.id}`}
            />
          ))}
        </Tabs>
        <Box
          role="tabpanel"
          id={`data-access-panel-${current.id}`}
          aria-labelledby={`data-access-tab-${current.id}`}
          paddingTop={2}
        >
          <Panel />
        </Box>
      </Content>
    </Page>
  );
}
