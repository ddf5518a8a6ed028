import { Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { AccessRequest } from '@datamesh/plugin-data-access-common';
import type { ReactNode } from 'react';
import { formatDateTime, formatDay } from '../../lib/dates';
import { safeHttpUrl } from '../../lib/safeUrl';
import { Actor } from '../shared/Actor';
import { DetailList } from '../shared/DetailList';
import { RequestStateChip } from '../shared/RequestStateChip';

/** A delivery reference is a link only when it is an http(s) address, e.g. a ticket URL. */
function DeliveryReference(props: { reference: string }) {
  const href = safeHttpUrl(props.reference);
  return href ? (
    <Link to={href}>{props.reference}</Link>
  ) : (
    <>{props.reference}</>
  );
}

/** Who asks for what and why, and where the decision and the delivery stand. */
export function RequestDetails(props: { request: AccessRequest }) {
  const { request } = props;
  const items: Array<[string, ReactNode]> = [
    ['Data product', <EntityRefLink entityRef={request.dataProduct} />],
    ['Output port', request.outputPort],
    ['Consumer', <EntityRefLink entityRef={request.consumer} />],
    ['Requester', <EntityRefLink entityRef={request.requester} />],
    ['Purpose category', request.purpose.category],
    ['Purpose', request.purpose.text],
    ['End date', request.endDate ? formatDay(request.endDate) : 'No end date'],
    ['State', <RequestStateChip state={request.state} />],
    ['Requested on', formatDateTime(request.createdAt)],
  ];
  if (request.decision) {
    items.push([
      'Decided by',
      <>
        <Actor actor={request.decision.by} /> on{' '}
        {formatDateTime(request.decision.at)}
      </>,
    ]);
    if (request.decision.reason) {
      items.push(['Decision reason', request.decision.reason]);
    }
  }
  const { delivery } = request;
  if (delivery) {
    items.push(['Delivered by', delivery.adapter]);
    if (delivery.reference) {
      items.push([
        'Delivery reference',
        <DeliveryReference reference={delivery.reference} />,
      ]);
    }
    if (delivery.externalStatus) {
      items.push(['Delivery status', delivery.externalStatus]);
    }
    if (delivery.lastError) {
      items.push([
        'Last delivery error',
        `${delivery.lastError} (after ${delivery.attempts} attempt${
          delivery.attempts === 1 ? '' : 's'
        })`,
      ]);
    }
  }
  return <DetailList items={items} />;
}
