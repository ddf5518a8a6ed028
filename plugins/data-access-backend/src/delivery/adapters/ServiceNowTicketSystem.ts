import type {
  Ticket,
  TicketContent,
  TicketHttp,
  TicketSystem,
} from './ticketSystem';

export interface ServiceNowOptions {
  /** The table tickets go to; any table extending `task` has the fields used. */
  table?: string;
  /** The field read as the ticket's status, by its display value. */
  statusField?: string;
  /** Fields set on every new ticket, e.g. `assignment_group`. */
  fields?: Record<string, string>;
}

/**
 * ServiceNow's Table API: `POST /api/now/table/<table>` opens a record, which carries the
 * delivery id in `correlation_id`; reads ask for display values ("Closed Complete").
 */
export class ServiceNowTicketSystem implements TicketSystem {
  readonly name = 'ServiceNow';
  private readonly table: string;
  private readonly statusField: string;

  constructor(
    private readonly http: TicketHttp,
    private readonly options: ServiceNowOptions = {},
  ) {
    this.table = encodeURIComponent(options.table ?? 'sc_request');
    this.statusField = options.statusField ?? 'state';
  }

  async findByDeliveryId(deliveryId: string): Promise<Ticket | undefined> {
    return this.findOne(`correlation_id=${deliveryId}`);
  }

  async get(reference: string): Promise<Ticket | undefined> {
    return this.findOne(`number=${reference}`);
  }

  async create(content: TicketContent): Promise<Ticket | { refusal: string }> {
    const answer = await this.http.create(
      `/api/now/table/${this.table}?${this.params()}`,
      {
        ...this.options.fields,
        short_description: content.summary,
        description: content.description,
        correlation_id: content.deliveryId,
        correlation_display: 'Backstage data mesh',
      },
    );
    if ('refusal' in answer) {
      return answer;
    }
    return this.toTicket(answer.created?.result);
  }

  private async findOne(query: string): Promise<Ticket | undefined> {
    const body = await this.http.read(
      `/api/now/table/${this.table}?${this.params({
        sysparm_query: query,
        sysparm_limit: '1',
      })}`,
    );
    const record = body?.result?.[0];
    return record ? this.toTicket(record) : undefined;
  }

  private params(extra: Record<string, string> = {}): string {
    return new URLSearchParams({
      sysparm_display_value: 'true',
      sysparm_fields: `sys_id,number,${this.statusField}`,
      ...extra,
    }).toString();
  }

  private toTicket(record: any): Ticket {
    const number = displayValue(record?.number);
    if (!number) {
      throw new Error(`${this.name} answered without a record number`);
    }
    return {
      reference: number,
      status: displayValue(record[this.statusField]),
    };
  }
}

/** With display values, plain fields are strings and references are objects. */
function displayValue(value: unknown): string {
  if (value && typeof value === 'object' && 'display_value' in value) {
    return String((value as { display_value: unknown }).display_value ?? '');
  }
  return value === undefined || value === null ? '' : String(value);
}
