import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigReader } from '@backstage/config';
import type { AccessRequest } from '@datamesh/plugin-data-access-common';
import { WebhookReceiver } from '../__testUtils__/webhookReceiver';
import {
  createWebhookAdapter,
  signWebhookBody,
  WebhookDeliveryAdapter,
} from './WebhookDeliveryAdapter';

const SECRET = 'shared-with-the-receiver';

const request: AccessRequest = {
  id: 'req-1',
  requester: 'user:default/jane',
  dataProduct: 'dataproduct:default/tenancy-analytics',
  outputPort: 'leases-view',
  consumer: 'user:default/jane',
  purpose: { category: 'analytics', text: 'Credit-risk dashboard' },
  productOwners: ['group:default/brokerage-data'],
  state: 'provisioning',
  version: 3,
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-02T10:00:00.000Z',
};

describe('WebhookDeliveryAdapter', () => {
  const receiver = new WebhookReceiver(SECRET);
  let adapter: WebhookDeliveryAdapter;

  beforeAll(async () => {
    await receiver.start();
    adapter = new WebhookDeliveryAdapter({ url: receiver.url, secret: SECRET });
  });
  afterAll(() => receiver.stop());
  beforeEach(() => {
    receiver.received.length = 0;
  });

  it('POSTs the signed request with its delivery id; 2xx is done', async () => {
    receiver.answer = () => 204;

    const outcome = await adapter.deliver(request, 'grant', 'delivery-1');

    expect(outcome).toEqual({ status: 'done', externalStatus: 'HTTP 204' });
    expect(receiver.received).toEqual([
      {
        deliveryId: 'delivery-1',
        signatureValid: true,
        body: { deliveryId: 'delivery-1', action: 'grant', request },
        status: 204,
      },
    ]);
  });

  it('signs the exact body with HMAC-SHA256 (RFC 4231, test case 2)', () => {
    expect(signWebhookBody('what do ya want for nothing?', 'Jefe')).toBe(
      'sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('a receiver with another secret sees an invalid signature', async () => {
    const impostor = new WebhookDeliveryAdapter({
      url: receiver.url,
      secret: 'not-the-secret',
    });
    receiver.answer = () => 200;

    await impostor.deliver(request, 'revoke', 'delivery-2');

    expect(receiver.received[0].signatureValid).toBe(false);
  });

  it('4xx is a refusal for good, with the body as the reason', async () => {
    receiver.answer = () => 422;

    await expect(adapter.deliver(request, 'grant', 'd')).resolves.toEqual({
      status: 'failed',
      reason: 'The webhook refused with HTTP 422: answer 422',
    });
  });

  it.each([500, 502, 503, 408, 429])(
    '%s is thrown, to be retried',
    async status => {
      receiver.answer = () => status;

      await expect(adapter.deliver(request, 'grant', 'd')).rejects.toThrow(
        `The webhook answered HTTP ${status}`,
      );
    },
  );

  it('no answer at all is thrown, to be retried', async () => {
    const down = new WebhookDeliveryAdapter({
      url: 'http://127.0.0.1:1/hooks',
      secret: SECRET,
    });

    await expect(down.deliver(request, 'grant', 'd')).rejects.toThrow();
  });

  it('a receiver slower than the timeout is thrown, to be retried', async () => {
    const slow = createServer(() => {
      // never answers
    });
    await new Promise<void>(resolve => slow.listen(0, '127.0.0.1', resolve));
    const port = (slow.address() as AddressInfo).port;
    try {
      const impatient = new WebhookDeliveryAdapter({
        url: `http://127.0.0.1:${port}/`,
        secret: SECRET,
        timeoutMs: 200,
      });
      await expect(impatient.deliver(request, 'grant', 'd')).rejects.toThrow(
        /timeout|aborted/i,
      );
    } finally {
      slow.closeAllConnections();
      await new Promise(resolve => slow.close(resolve));
    }
  });

  it('is made from config, and refuses what is not a web URL or has no secret', () => {
    const fromConfig = createWebhookAdapter(
      new ConfigReader({
        dataAccess: {
          delivery: {
            webhook: { url: receiver.url, secret: SECRET, timeout: '5s' },
          },
        },
      }),
    );
    expect(fromConfig.id).toBe('webhook');

    expect(
      () =>
        new WebhookDeliveryAdapter({
          url: 'file:///etc/passwd',
          secret: SECRET,
        }),
    ).toThrow(/http or https/);
    expect(
      () => new WebhookDeliveryAdapter({ url: receiver.url, secret: '' }),
    ).toThrow(/secret/);
  });
});
