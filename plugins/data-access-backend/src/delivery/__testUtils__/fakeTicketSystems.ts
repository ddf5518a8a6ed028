import {
  createServer,
  IncomingMessage,
  Server,
  ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

interface FakeTicket {
  reference: string;
  status: string;
  statusCategory?: string;
  resolution?: string;
  fields: Record<string, any>;
}

/**
 * A real HTTP server speaking the parts of ServiceNow's Table API and Jira's REST API v2 the
 * ticket adapter uses, with tickets in memory. Tests move tickets along as people would.
 */
export class FakeTicketSystems {
  readonly tickets = new Map<string, FakeTicket>();
  readonly requests: Array<{
    method: string;
    path: string;
    authorization?: string;
  }> = [];
  /** Answers the next requests with these statuses instead, e.g. [503, 503]; 0 answers normally. */
  readonly failNext: number[] = [];
  private server?: Server;
  private counter = 0;

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  reset() {
    this.tickets.clear();
    this.requests.length = 0;
    this.failNext.length = 0;
    this.counter = 0;
  }

  setStatus(
    reference: string,
    status: string,
    extra: Partial<FakeTicket> = {},
  ) {
    Object.assign(this.tickets.get(reference)!, { status, ...extra });
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch(error => {
        res.writeHead(500);
        res.end(String(error));
      });
    });
    await new Promise<void>(resolve =>
      this.server!.listen(0, '127.0.0.1', resolve),
    );
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise(resolve => this.server?.close(resolve));
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url!, 'http://fake');
    this.requests.push({
      method: req.method!,
      path: url.pathname,
      authorization: req.headers.authorization,
    });
    const failure = this.failNext.shift();
    if (failure) {
      return send(res, failure, { error: `fake failure ${failure}` });
    }
    const body = await readJson(req);

    // ServiceNow
    const table = url.pathname.match(/^\/api\/now\/table\/(\w+)$/);
    if (table && req.method === 'POST') {
      if (!body.short_description) {
        return send(res, 400, {
          error: { message: 'short_description is required' },
        });
      }
      const number = `REQ00${1000 + ++this.counter}`;
      this.tickets.set(number, {
        reference: number,
        status: 'Open',
        fields: body,
      });
      return send(res, 201, {
        result: { sys_id: `sys${this.counter}`, number, state: 'Open' },
      });
    }
    if (table && req.method === 'GET') {
      const [field, value] = url.searchParams.get('sysparm_query')!.split('=');
      const found = [...this.tickets.values()].filter(t =>
        field === 'number' ? t.reference === value : t.fields[field] === value,
      );
      return send(res, 200, {
        result: found.map(t => ({ number: t.reference, state: t.status })),
      });
    }

    // Jira
    if (url.pathname === '/rest/api/2/issue' && req.method === 'POST') {
      if (body.fields?.project?.key !== 'DATA') {
        return send(res, 400, {
          errors: { project: 'valid project is required' },
        });
      }
      const key = `DATA-${++this.counter}`;
      this.tickets.set(key, {
        reference: key,
        status: 'To Do',
        statusCategory: 'new',
        fields: body.fields,
      });
      return send(res, 201, { id: String(this.counter), key });
    }
    if (
      ['/rest/api/2/search/jql', '/rest/api/2/search'].includes(url.pathname)
    ) {
      const label = url.searchParams.get('jql')!.match(/labels = "(.+)"/)![1];
      const found = [...this.tickets.values()].filter(t =>
        t.fields.labels?.includes(label),
      );
      return send(res, 200, { issues: found.map(jiraIssue) });
    }
    const issue = url.pathname.match(/^\/rest\/api\/2\/issue\/([\w-]+)$/);
    if (issue && req.method === 'GET') {
      const ticket = this.tickets.get(issue[1]);
      return ticket
        ? send(res, 200, jiraIssue(ticket))
        : send(res, 404, { errorMessages: ['Issue does not exist'] });
    }
    return send(res, 404, { error: `no route ${req.method} ${url.pathname}` });
  }
}

function jiraIssue(ticket: FakeTicket) {
  return {
    key: ticket.reference,
    fields: {
      status: {
        name: ticket.status,
        statusCategory: { key: ticket.statusCategory ?? 'indeterminate' },
      },
      resolution: ticket.resolution ? { name: ticket.resolution } : null,
    },
  };
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}
