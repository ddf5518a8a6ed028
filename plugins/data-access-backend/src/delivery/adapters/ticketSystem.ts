import type { AccessRequest } from '@datamesh/plugin-data-access-common';
import type { DeliveryAction } from '@datamesh/plugin-data-access-node';
import {
  excerpt,
  HttpAnswer,
  isSuccess,
  parseJson,
  sendHttp,
  unavailable,
} from './http';

/** A ticket as a ticketing system reports it, in its own words. */
export interface Ticket {
  /** What people call it: a ServiceNow number (REQ0010001), a Jira key (DATA-42). */
  reference: string;
  status: string;
  resolution?: string;
  /** The system says the ticket is finished, whatever its status is called (Jira's category). */
  finished?: boolean;
}

/** What goes into a new ticket. */
export interface TicketContent {
  summary: string;
  description: string;
  /** The delivery id, recorded on the ticket so a retry finds it instead of opening another. */
  deliveryId: string;
}

/** The REST API of one ticketing system (ServiceNow, Jira), reduced to what delivery needs. */
export interface TicketSystem {
  readonly name: string;
  /** The ticket an earlier attempt of this delivery opened, if any. */
  findByDeliveryId(deliveryId: string): Promise<Ticket | undefined>;
  /** Opens a ticket, or says why the system refused it for good. */
  create(content: TicketContent): Promise<Ticket | { refusal: string }>;
  /** The ticket now; undefined when it no longer exists. */
  get(reference: string): Promise<Ticket | undefined>;
}

export type TicketAuth =
  | { type: 'basic'; username: string; password: string }
  | { type: 'bearer'; token: string };

/** HTTP to one ticketing system: base URL, credentials, timeout, JSON both ways. */
export class TicketHttp {
  constructor(
    private readonly options: {
      system: string;
      baseUrl: string;
      auth: TicketAuth;
      timeoutMs: number;
    },
  ) {}

  get system(): string {
    return this.options.system;
  }

  async call(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<HttpAnswer> {
    const { auth } = this.options;
    const authorization =
      auth.type === 'basic'
        ? `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString(
            'base64',
          )}`
        : `Bearer ${auth.token}`;
    return sendHttp(
      `${this.options.baseUrl.replace(/\/+$/, '')}${path}`,
      {
        method,
        headers: {
          Accept: 'application/json',
          Authorization: authorization,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      },
      this.options.timeoutMs,
    );
  }

  /** A read that must succeed: anything but 2xx (or 404 when allowed) is retried later. */
  async read(
    path: string,
    options: { notFound?: 'undefined' } = {},
  ): Promise<any> {
    const answer = await this.call('GET', path);
    if (answer.status === 404 && options.notFound) {
      return undefined;
    }
    if (!isSuccess(answer.status)) {
      throw unavailable(this.options.system, answer);
    }
    return parseJson(this.options.system, answer);
  }

  /**
   * A creation: 400 and 422 mean the system refused this ticket for good (a bad project, a
   * required field); other errors (credentials, outages) are retried, so an operator can fix
   * them without failing the requests that queued up meanwhile.
   */
  async create(
    path: string,
    body: unknown,
  ): Promise<{ created: any } | { refusal: string }> {
    const answer = await this.call('POST', path, body);
    if (isSuccess(answer.status)) {
      return { created: parseJson(this.options.system, answer) };
    }
    if (answer.status === 400 || answer.status === 422) {
      return {
        refusal: `${this.options.system} refused the ticket with HTTP ${
          answer.status
        }: ${excerpt(answer.body)}`,
      };
    }
    throw unavailable(this.options.system, answer);
  }
}

/** The summary and description of a ticket for a delivery, in plain text. */
export function describeTicket(
  request: AccessRequest,
  action: DeliveryAction,
  deliveryId: string,
): TicketContent {
  const verb = action === 'grant' ? 'Grant' : 'Revoke';
  const decision = request.decision
    ? `${request.decision.by} on ${request.decision.at}${
        request.decision.reason ? ` (${request.decision.reason})` : ''
      }`
    : 'not recorded';
  return {
    summary: `${verb} access to ${request.dataProduct} (${request.outputPort}) for ${request.consumer}`,
    description: [
      `${verb} access to a data product, as decided in the data mesh portal.`,
      '',
      `Data product: ${request.dataProduct}`,
      `Output port: ${request.outputPort}`,
      `Consumer: ${request.consumer}`,
      `Requested by: ${request.requester}`,
      `Purpose (${request.purpose.category}): ${request.purpose.text}`,
      `Until: ${request.endDate ?? 'open-ended'}`,
      `Approved by: ${decision}`,
      `Access request: ${request.id}`,
      `Delivery id: ${deliveryId}`,
    ].join('\n'),
    deliveryId,
  };
}
