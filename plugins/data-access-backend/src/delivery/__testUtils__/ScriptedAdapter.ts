import type { AccessRequest } from '@datamesh/plugin-data-access-common';
import type {
  DeliveryAction,
  DeliveryAdapter,
  DeliveryOutcome,
} from '@datamesh/plugin-data-access-node';

export interface AdapterCall {
  kind: 'deliver' | 'poll';
  requestId: string;
  /** The request's state when the adapter was asked. */
  state: AccessRequest['state'];
  action: DeliveryAction;
  deliveryId?: string;
  reference?: string;
}

/**
 * A delivery system whose answers a test scripts: the worker and store are under test, not
 * the adapter. Throwing from the script plays a system that cannot be reached.
 */
export class ScriptedAdapter implements DeliveryAdapter {
  readonly calls: AdapterCall[] = [];

  constructor(
    public script: (
      call: AdapterCall,
    ) => DeliveryOutcome | Promise<DeliveryOutcome> = () => ({
      status: 'done',
    }),
    readonly id = 'scripted',
  ) {}

  async deliver(
    request: AccessRequest,
    action: DeliveryAction,
    deliveryId: string,
  ): Promise<DeliveryOutcome> {
    return this.record({
      kind: 'deliver',
      requestId: request.id,
      state: request.state,
      action,
      deliveryId,
    });
  }

  async poll(
    request: AccessRequest,
    action: DeliveryAction,
    reference: string,
  ): Promise<DeliveryOutcome> {
    return this.record({
      kind: 'poll',
      requestId: request.id,
      state: request.state,
      action,
      reference,
    });
  }

  private async record(call: AdapterCall): Promise<DeliveryOutcome> {
    this.calls.push(call);
    return this.script(call);
  }
}
