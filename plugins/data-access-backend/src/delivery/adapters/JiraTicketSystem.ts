import type {
  Ticket,
  TicketContent,
  TicketHttp,
  TicketSystem,
} from './ticketSystem';

export interface JiraOptions {
  projectKey: string;
  issueType?: string;
  /** Jira Cloud searches at `/search/jql`; Data Center still at `/search`. */
  deployment?: 'cloud' | 'datacenter';
  /** Fields set on every new issue, e.g. `{ components: [{ name: 'IAM' }] }`. */
  fields?: Record<string, unknown>;
}

/**
 * Jira's REST API v2 (plain-text descriptions, on Cloud and Data Center): an issue carries
 * the delivery id as a label, so a retry finds the issue an earlier attempt opened.
 */
export class JiraTicketSystem implements TicketSystem {
  readonly name = 'Jira';

  constructor(
    private readonly http: TicketHttp,
    private readonly options: JiraOptions,
  ) {}

  async findByDeliveryId(deliveryId: string): Promise<Ticket | undefined> {
    const search =
      this.options.deployment === 'datacenter'
        ? '/rest/api/2/search'
        : '/rest/api/2/search/jql';
    const params = new URLSearchParams({
      jql: `labels = "${deliveryLabel(deliveryId)}"`,
      fields: 'status,resolution',
      maxResults: '1',
    });
    const body = await this.http.read(`${search}?${params}`);
    const issue = body?.issues?.[0];
    return issue ? toTicket(issue) : undefined;
  }

  async get(reference: string): Promise<Ticket | undefined> {
    const issue = await this.http.read(
      `/rest/api/2/issue/${encodeURIComponent(
        reference,
      )}?fields=status,resolution`,
      { notFound: 'undefined' },
    );
    return issue ? toTicket(issue) : undefined;
  }

  async create(content: TicketContent): Promise<Ticket | { refusal: string }> {
    const answer = await this.http.create('/rest/api/2/issue', {
      fields: {
        ...this.options.fields,
        project: { key: this.options.projectKey },
        issuetype: { name: this.options.issueType ?? 'Task' },
        summary: content.summary,
        description: content.description,
        labels: ['datamesh-access', deliveryLabel(content.deliveryId)],
      },
    });
    if ('refusal' in answer) {
      return answer;
    }
    const key = answer.created?.key;
    if (typeof key !== 'string' || !key) {
      throw new Error(`${this.name} answered without an issue key`);
    }
    return { reference: key, status: 'Created' };
  }
}

function deliveryLabel(deliveryId: string): string {
  return `datamesh-delivery-${deliveryId}`;
}

function toTicket(issue: any): Ticket {
  const status = issue?.fields?.status;
  return {
    reference: String(issue.key),
    status: String(status?.name ?? ''),
    resolution: issue?.fields?.resolution?.name ?? undefined,
    finished: status?.statusCategory?.key === 'done',
  };
}
