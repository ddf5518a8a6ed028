import TextField from '@material-ui/core/TextField';
import { useSearchParams } from 'react-router-dom';
import { PagedRequests } from './PagedRequests';
import { RequestTable } from './RequestTable';
import {
  findStateFilter,
  SINGLE_STATE_FILTERS,
  STAGE_FILTERS,
} from './stateFilters';
import { usePagedRequests } from './usePagedRequests';

/** The requests the user made, narrowed by stage or state; "Active grants" is what they hold. */
export function MyRequestsTab() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filter = findStateFilter(searchParams.get('state'));
  const list = usePagedRequests({ view: 'mine', states: filter.states });

  return (
    <>
      <TextField
        id="data-access-state-filter"
        label="Show"
        select
        SelectProps={{ native: true }}
        value={filter.id}
        onChange={event => {
          const next = new URLSearchParams(searchParams);
          next.set('state', event.target.value);
          setSearchParams(next, { replace: true });
        }}
        margin="normal"
      >
        {STAGE_FILTERS.map(option => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
        <optgroup label="One state">
          {SINGLE_STATE_FILTERS.map(option => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </optgroup>
      </TextField>
      <PagedRequests
        list={list}
        empty={
          filter.states
            ? {
                title: `No requests: ${filter.label.toLocaleLowerCase()}`,
                description:
                  'Choose another filter to see your other requests.',
              }
            : {
                title: 'No access requests yet',
                description:
                  'Find a data product in the marketplace and request access from its page; you can follow the request here.',
              }
        }
      >
        <RequestTable requests={list.items} label="My requests" />
      </PagedRequests>
    </>
  );
}
