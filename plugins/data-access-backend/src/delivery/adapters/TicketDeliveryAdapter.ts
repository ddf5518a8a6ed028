import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import type { AccessRequest } from '@datamesh/plugin-data-access-common';
import type {
  DeliveryAction,
  DeliveryAdapter,
  DeliveryOutcome,
} from '@datamesh/plugin-data-access-node';
import { DELIVERY_CONFIG_KEY, durationToMs } from '../config';
import { JiraTicketSystem } from './JiraTicketSystem';
import { ServiceNowTicketSystem } from './ServiceNowTicketSystem';
import {
  describeTicket,
  Ticket,
  TicketAuth,
  TicketHttp,
  TicketSystem,
} from './ticketSystem';

/** Statuses (or resolutions) that mean the access was delivered, compared case-insensitively. */
export const DEFAULT_DONE_STATUSES = [
  'closed',
  'closed complete',
  'resolved',
  'done',
  'complete',
  'completed',
  'fixed',
];

/** Statuses (or resolutions) that mean it never will be; checked before the done ones. */
export const DEFAULT_FAILED_STATUSES = [
  'rejected',
  'cancelled',
  'canceled',
  'closed incomplete',
  'closed cancelled',
  'closed canceled',
  'closed rejected',
  'closed skipped',
  'incomplete',
  "won't do",
  "won't fix",
  'declined',
];

/**
 * Delivers by opening a ticket for people (or automation) in ServiceNow or Jira to act on,
 * then polls it: a closed or resolved ticket means done, a rejected or cancelled one means
 * failed. A retry first looks for the ticket an earlier attempt opened, so one delivery
 * opens one ticket even if the backend died right after opening it.
 */
export class TicketDeliveryAdapter implements DeliveryAdapter {
  readonly id = 'ticket';
  private readonly done: Set<string>;
  private readonly failed: Set<string>;

  constructor(
    private readonly system: TicketSystem,
    options: { doneStatuses?: string[]; failedStatuses?: string[] } = {},
  ) {
    this.done = lowerCaseSet(options.doneStatuses ?? DEFAULT_DONE_STATUSES);
    this.failed = lowerCaseSet(
      options.failedStatuses ?? DEFAULT_FAILED_STATUSES,
    );
  }

  async deliver(
    request: AccessRequest,
    action: DeliveryAction,
    deliveryId: string,
  ): Promise<DeliveryOutcome> {
    const existing = await this.system.findByDeliveryId(deliveryId);
    if (existing) {
      return this.judge(existing);
    }
    const created = await this.system.create(
      describeTicket(request, action, deliveryId),
    );
    if ('refusal' in created) {
      return { status: 'failed', reason: created.refusal };
    }
    return this.judge(created);
  }

  async poll(
    _request: AccessRequest,
    _action: DeliveryAction,
    reference: string,
  ): Promise<DeliveryOutcome> {
    const ticket = await this.system.get(reference);
    if (!ticket) {
      return {
        status: 'failed',
        reference,
        reason: `${this.system.name} ticket ${reference} no longer exists`,
      };
    }
    return this.judge(ticket);
  }

  private judge(ticket: Ticket): DeliveryOutcome {
    const words = [ticket.status, ticket.resolution]
      .filter((word): word is string => Boolean(word))
      .map(word => word.trim().toLowerCase());
    const externalStatus = ticket.resolution
      ? `${ticket.status} (${ticket.resolution})`
      : ticket.status;
    const { reference } = ticket;
    if (words.some(word => this.failed.has(word))) {
      return {
        status: 'failed',
        reference,
        reason: `${this.system.name} ticket ${reference} ended as ${externalStatus}`,
      };
    }
    if (ticket.finished || words.some(word => this.done.has(word))) {
      return { status: 'done', reference, externalStatus };
    }
    return { status: 'pending', reference, externalStatus };
  }
}

function lowerCaseSet(values: string[]): Set<string> {
  return new Set(values.map(value => value.trim().toLowerCase()));
}

/**
 * Reads `dataAccess.delivery.ticket`: `system` (servicenow or jira), `baseUrl`, `auth`
 * (basic with username and password, or bearer with token), optional `timeout`,
 * `doneStatuses`, `failedStatuses`, and the system's own section.
 */
export function createTicketAdapter(config: Config): TicketDeliveryAdapter {
  const ticket = config.getConfig(`${DELIVERY_CONFIG_KEY}.ticket`);
  const system = ticket.getString('system');
  const http = new TicketHttp({
    system: system === 'jira' ? 'Jira' : 'ServiceNow',
    baseUrl: ticket.getString('baseUrl'),
    auth: readAuth(ticket.getConfig('auth')),
    timeoutMs: ticket.has('timeout')
      ? durationToMs(readDurationFromConfig(ticket, { key: 'timeout' }))
      : 30_000,
  });

  let ticketSystem: TicketSystem;
  if (system === 'servicenow') {
    const servicenow = ticket.getOptionalConfig('servicenow');
    ticketSystem = new ServiceNowTicketSystem(http, {
      table: servicenow?.getOptionalString('table'),
      statusField: servicenow?.getOptionalString('statusField'),
      fields: servicenow?.getOptional<Record<string, string>>('fields'),
    });
  } else if (system === 'jira') {
    const jira = ticket.getConfig('jira');
    const deployment = jira.getOptionalString('deployment');
    if (deployment && deployment !== 'cloud' && deployment !== 'datacenter') {
      throw new InputError(
        `dataAccess.delivery.ticket.jira.deployment must be cloud or datacenter, not ${deployment}`,
      );
    }
    ticketSystem = new JiraTicketSystem(http, {
      projectKey: jira.getString('projectKey'),
      issueType: jira.getOptionalString('issueType'),
      deployment: deployment as 'cloud' | 'datacenter' | undefined,
      fields: jira.getOptional<Record<string, unknown>>('fields'),
    });
  } else {
    throw new InputError(
      `dataAccess.delivery.ticket.system must be servicenow or jira, not ${system}`,
    );
  }

  return new TicketDeliveryAdapter(ticketSystem, {
    doneStatuses: ticket.getOptionalStringArray('doneStatuses'),
    failedStatuses: ticket.getOptionalStringArray('failedStatuses'),
  });
}

function readAuth(auth: Config): TicketAuth {
  const type = auth.getString('type');
  if (type === 'basic') {
    return {
      type,
      username: auth.getString('username'),
      password: auth.getString('password'),
    };
  }
  if (type === 'bearer') {
    return { type, token: auth.getString('token') };
  }
  throw new InputError(
    `dataAccess.delivery.ticket.auth.type must be basic or bearer, not ${type}`,
  );
}
