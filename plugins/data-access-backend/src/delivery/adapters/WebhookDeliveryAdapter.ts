import { createHmac } from 'node:crypto';
import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import type { AccessRequest } from '@datamesh/plugin-data-access-common';
import type {
  DeliveryAction,
  DeliveryAdapter,
  DeliveryOutcome,
} from '@datamesh/plugin-data-access-node';
import { DELIVERY_CONFIG_KEY, durationToMs } from '../config';
import { excerpt, isRetryable, isSuccess, sendHttp, unavailable } from './http';

export const SIGNATURE_HEADER = 'X-DataMesh-Signature';
export const DELIVERY_ID_HEADER = 'X-DataMesh-Delivery';

export interface WebhookDeliveryOptions {
  /** Where to POST; from config, never from a request. */
  url: string;
  /** Shared with the receiver, which checks the signature with it. */
  secret: string;
  timeoutMs?: number;
}

/** What the receiver gets, as JSON. */
export interface WebhookDeliveryBody {
  deliveryId: string;
  action: DeliveryAction;
  request: AccessRequest;
}

/** `sha256=<hex>`: the HMAC-SHA256 of the exact body bytes with the shared secret. */
export function signWebhookBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * Delivers by POSTing the request to a webhook. A 2xx answer means done; a 4xx means the
 * receiver refused for good (its body is the reason); a 5xx, 408, 429 or no answer is
 * retried. The delivery id header is the same on every retry, for the receiver to drop
 * duplicates.
 */
export class WebhookDeliveryAdapter implements DeliveryAdapter {
  readonly id = 'webhook';
  private readonly timeoutMs: number;

  constructor(private readonly options: WebhookDeliveryOptions) {
    if (!/^https?:$/.test(new URL(options.url).protocol)) {
      throw new InputError(
        `A webhook URL must be http or https: ${options.url}`,
      );
    }
    if (!options.secret) {
      throw new InputError('A webhook needs a secret to sign its deliveries');
    }
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  async deliver(
    request: AccessRequest,
    action: DeliveryAction,
    deliveryId: string,
  ): Promise<DeliveryOutcome> {
    const payload: WebhookDeliveryBody = { deliveryId, action, request };
    const body = JSON.stringify(payload);
    const answer = await sendHttp(
      this.options.url,
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          [SIGNATURE_HEADER]: signWebhookBody(body, this.options.secret),
          [DELIVERY_ID_HEADER]: deliveryId,
        },
        body,
      },
      this.timeoutMs,
    );
    if (isSuccess(answer.status)) {
      return { status: 'done', externalStatus: `HTTP ${answer.status}` };
    }
    if (isRetryable(answer.status)) {
      throw unavailable('The webhook', answer);
    }
    return {
      status: 'failed',
      reason: `The webhook refused with HTTP ${answer.status}: ${
        excerpt(answer.body) || '(no body)'
      }`,
    };
  }
}

/** Reads `dataAccess.delivery.webhook` (url, secret, optional timeout). */
export function createWebhookAdapter(config: Config): WebhookDeliveryAdapter {
  const webhook = config.getConfig(`${DELIVERY_CONFIG_KEY}.webhook`);
  return new WebhookDeliveryAdapter({
    url: webhook.getString('url'),
    secret: webhook.getString('secret'),
    timeoutMs: webhook.has('timeout')
      ? durationToMs(readDurationFromConfig(webhook, { key: 'timeout' }))
      : undefined,
  });
}
