import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One HTTP request the receiver got, and what it answered. */
export interface ReceivedDelivery {
  deliveryId: string;
  signatureValid: boolean;
  body: any;
  status: number;
}

/** Decides the answer to each request, e.g. 503 while "down". */
export type Answer = (
  delivery: Omit<ReceivedDelivery, 'status'>,
) => number | Promise<number>;

/**
 * A real HTTP server playing a delivery system's webhook endpoint: checks the signature as a
 * receiver would, records every request and its answer.
 */
export class WebhookReceiver {
  readonly received: ReceivedDelivery[] = [];
  private server?: Server;
  private port = 0;

  constructor(
    private readonly secret: string,
    public answer: Answer = () => 200,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks/access`;
  }

  /** Deliveries the receiver accepted (answered 2xx), by delivery id. */
  accepted(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const r of this.received.filter(d => d.status < 300)) {
      counts.set(r.deliveryId, (counts.get(r.deliveryId) ?? 0) + 1);
    }
    return counts;
  }

  /** Listens; again on the same port after stop(), like a system coming back up. */
  async start(): Promise<void> {
    const server = createServer(async (req, res) => {
      const raw = await readBody(req);
      const delivery = {
        deliveryId: String(req.headers['x-datamesh-delivery']),
        signatureValid: this.verify(raw, req.headers['x-datamesh-signature']),
        body: JSON.parse(raw),
      };
      const status = await this.answer(delivery);
      this.received.push({ ...delivery, status });
      res.writeHead(status, { 'Content-Type': 'text/plain' });
      res.end(status < 300 ? 'ok' : `answer ${status}`);
    });
    await new Promise<void>(resolve =>
      server.listen(this.port, '127.0.0.1', resolve),
    );
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) {
      server.closeAllConnections();
      await new Promise(resolve => server.close(resolve));
    }
  }

  private verify(raw: string, header: string | string[] | undefined): boolean {
    const expected = Buffer.from(
      `sha256=${createHmac('sha256', this.secret).update(raw).digest('hex')}`,
    );
    const actual = Buffer.from(String(header ?? ''));
    return (
      actual.length === expected.length && timingSafeEqual(actual, expected)
    );
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
