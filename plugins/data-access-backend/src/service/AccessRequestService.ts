import type {
  BackstageCredentials,
  BackstageUserPrincipal,
  LoggerService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  ConflictError,
  isError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  dataAccessRequestCancelPermission,
  dataAccessRequestCreatePermission,
  dataAccessRequestDecidePermission,
  dataAccessRequestReadPermission,
  dataAccessRequestRevokePermission,
  type AccessGrant,
  type AccessRequest,
  type AccessRequestEvent,
  type CreateAccessRequest,
  type DecideAccessRequest,
  type EndAccessRequest,
  type ListAccessRequestsQuery,
  type Page,
} from '@datamesh/plugin-data-access-common';
import type { DataProductEntityV1alpha1 } from '@datamesh/plugin-data-mesh-common';
import type {
  AccessRequestFilter,
  AccessRequestStore,
} from '../database/AccessRequestStore';
import type { AccessRequestAuthorizer } from '../permissions/AccessRequestAuthorizer';
import { resolveConsumer } from './consumers';
import { assertOutputPort, ownersOf } from './dataProducts';
import type { DataProductDirectory } from './dataProductDirectory';
import { assertEndDateAhead } from './endDate';
import { normalizeEntityRef } from './entityRefs';
import { assertKnownPurposeCategory, type PurposeCategory } from './purposes';

/** Signed-in users only: the router refuses every other caller before it gets here. */
export type UserCredentials = BackstageCredentials<BackstageUserPrincipal>;

export interface AccessRequestServiceOptions {
  store: AccessRequestStore;
  /** For the consumers a request names (components, systems). */
  catalog: CatalogService;
  /** For the data products requests are about. */
  products: DataProductDirectory;
  authorizer: AccessRequestAuthorizer;
  userInfo: UserInfoService;
  purposeCategories: PurposeCategory[];
  /** Told when a product gained or lost a consumer (granted, revoked, expired). */
  onGrantsChanged?(request: AccessRequest): Promise<void>;
  /** The id of the delivery adapter that will deliver access to this product. */
  chooseDeliveryAdapter(product: DataProductEntityV1alpha1): string;
  logger: LoggerService;
  /** Today, for checking end dates; a parameter so tests can hold the date still. */
  now?: () => Date;
}

/**
 * The workflow of access requests: checks who may do what and with which data, then lets
 * the store apply the change atomically. Knows nothing of HTTP.
 *
 * Notifications are queued by the store with the change, in its transaction, and sent by
 * the NotificationWorker: a request returns once its change is committed.
 */
export class AccessRequestService {
  constructor(private readonly options: AccessRequestServiceOptions) {}

  async create(
    input: CreateAccessRequest,
    context: { credentials: UserCredentials; idempotencyKey?: string },
  ): Promise<{ request: AccessRequest; created: boolean }> {
    const { store, catalog, authorizer, logger } = this.options;
    const { credentials, idempotencyKey } = context;
    await authorizer.assertAllowed(
      dataAccessRequestCreatePermission,
      credentials,
      'You may not ask for access to data products',
    );
    assertKnownPurposeCategory(
      this.options.purposeCategories,
      input.purpose.category,
    );
    if (input.endDate) {
      assertEndDateAhead(input.endDate, (this.options.now ?? nowDate)());
    }
    const product = await this.options.products.load(
      input.dataProduct,
      credentials,
    );
    assertOutputPort(product, input.outputPort);
    const me = await this.identify(credentials);
    const consumer = await resolveConsumer({
      catalog,
      requested: input.consumer,
      userEntityRef: me.userEntityRef,
      ownershipRefs: me.ownershipRefs,
      credentials,
    });

    const asked = {
      requester: me.userEntityRef,
      dataProduct: normalizeEntityRef(stringifyEntityRef(product)),
      outputPort: input.outputPort,
      consumer,
      purpose: input.purpose,
      endDate: input.endDate,
    };
    const result = await store.create({
      ...asked,
      productOwners: ownersOf(product),
      deliveryAdapter: this.options.chooseDeliveryAdapter(product),
      idempotencyKey,
      enqueueNotification: 'submitted',
    });
    if (!result.created) {
      assertSameAsking(result.request, asked);
      return result;
    }
    logger.info('Created access request', {
      id: result.request.id,
      dataProduct: asked.dataProduct,
      outputPort: asked.outputPort,
    });
    return result;
  }

  async get(id: string, credentials: UserCredentials): Promise<AccessRequest> {
    const request = await this.load(id);
    await this.options.authorizer.assertAllowedOn(
      dataAccessRequestReadPermission,
      request,
      credentials,
      `You may not read access request ${id}`,
    );
    return request;
  }

  async history(
    id: string,
    credentials: UserCredentials,
  ): Promise<AccessRequestEvent[]> {
    await this.get(id, credentials);
    return this.options.store.history(id);
  }

  /**
   * A page of the requests the caller may read. The store filters by the permission
   * decision; each row is then checked against the exact conditions, so a page may hold
   * fewer than `limit` items while `nextCursor` says more follow.
   */
  async list(
    query: ListAccessRequestsQuery,
    credentials: UserCredentials,
  ): Promise<Page<AccessRequest>> {
    const { authorizer, store } = this.options;
    const me = credentials.principal.userEntityRef;
    const read = await authorizer.scopeOf(
      dataAccessRequestReadPermission,
      credentials,
    );
    const filter: AccessRequestFilter = {
      dataProduct: query.dataProduct && normalizeEntityRef(query.dataProduct),
      states: query.state,
    };
    let scope = read;
    if (query.view === 'mine') {
      filter.requester = normalizeEntityRef(me);
    } else if (query.view === 'to-decide') {
      // Waiting for a decision the caller may take: never their own request.
      filter.states = (query.state ?? ['submitted']).filter(
        state => state === 'submitted',
      );
      const decide = await authorizer.scopeOf(
        dataAccessRequestDecidePermission,
        credentials,
      );
      scope = {
        visibleTo: decide.visibleTo,
        admits: request =>
          read.admits(request) &&
          decide.admits(request) &&
          !sameRef(request.requester, me),
      };
    }
    if (scope.visibleTo === 'nothing' || filter.states?.length === 0) {
      return { items: [] };
    }
    const page = await store.list(
      { ...filter, visibleTo: scope.visibleTo },
      { cursor: query.cursor, limit: query.limit },
    );
    return {
      items: page.items.filter(scope.admits),
      nextCursor: page.nextCursor,
    };
  }

  async decide(
    id: string,
    body: DecideAccessRequest,
    credentials: UserCredentials,
  ): Promise<AccessRequest> {
    const { authorizer, store, logger } = this.options;
    const request = await this.load(id);
    const me = credentials.principal.userEntityRef;
    // Whatever the policy says: nobody approves their own request.
    if (sameRef(request.requester, me)) {
      throw new NotAllowedError(
        'You may not decide on your own access request',
      );
    }
    await authorizer.assertAllowedOn(
      dataAccessRequestDecidePermission,
      request,
      credentials,
      `Only the owners of ${request.dataProduct} or governance may decide on this request`,
    );
    if (request.version !== body.version) {
      throw new ConflictError(
        `Access request ${id} changed since you saw it (you saw version ${body.version}, it is now at ${request.version} and ${request.state}); reload it`,
      );
    }
    const approve = body.decision === 'approve';
    const decided = await store.transition({
      id,
      expectedVersion: body.version,
      from: ['submitted'],
      to: approve ? 'approved' : 'rejected',
      actor: normalizeEntityRef(me),
      reason: body.reason,
      decision: true,
      enqueueDelivery: approve ? 'grant' : undefined,
      enqueueNotification: 'decided',
    });
    logger.info('Decided access request', {
      id,
      state: decided.state,
      by: me,
    });
    return decided;
  }

  async cancel(
    id: string,
    body: EndAccessRequest,
    credentials: UserCredentials,
  ): Promise<AccessRequest> {
    const request = await this.load(id);
    await this.options.authorizer.assertAllowedOn(
      dataAccessRequestCancelPermission,
      request,
      credentials,
      'Only the requester may cancel an access request',
    );
    return this.options.store.transition({
      id,
      from: ['submitted'],
      to: 'cancelled',
      actor: normalizeEntityRef(credentials.principal.userEntityRef),
      reason: body.reason,
    });
  }

  async revoke(
    id: string,
    body: EndAccessRequest,
    credentials: UserCredentials,
  ): Promise<AccessRequest> {
    const { authorizer, store, logger } = this.options;
    const request = await this.load(id);
    await authorizer.assertAllowedOn(
      dataAccessRequestRevokePermission,
      request,
      credentials,
      `Only the owners of ${request.dataProduct} or governance may revoke this access`,
    );
    const revoked = await store.transition({
      id,
      from: ['granted'],
      to: 'revoked',
      actor: normalizeEntityRef(credentials.principal.userEntityRef),
      reason: body.reason,
      enqueueDelivery: 'revoke',
      enqueueNotification: 'delivery-updated',
    });
    logger.info('Revoked access', {
      id,
      by: credentials.principal.userEntityRef,
    });
    await this.options.onGrantsChanged?.(revoked);
    return revoked;
  }

  /**
   * The consumers of a product: public in the mesh. A user must be able to see the product
   * in the catalog (404 otherwise); a service, such as the catalog reading consumers while
   * it processes that very product, is answered from the store alone.
   */
  async grants(
    productRef: string,
    credentials: BackstageCredentials,
  ): Promise<AccessGrant[]> {
    let ref = normalizeEntityRef(productRef);
    if (isUser(credentials)) {
      const product = await this.options.products.load(productRef, credentials);
      ref = normalizeEntityRef(stringifyEntityRef(product));
    }
    return this.options.store.grants(ref);
  }

  /**
   * The consumers of many products in one store read, keyed by the refs as the caller wrote
   * them, each as `grants` gives it. A user gets only the products they can see in the
   * catalog (the others are left out, where `grants` answers 404); a service, such as the
   * catalog processing a batch of products, is answered from the store alone.
   */
  async grantsOfProducts(
    productRefs: string[],
    credentials: BackstageCredentials,
  ): Promise<Map<string, AccessGrant[]>> {
    const asked = [...new Set(productRefs)];
    const storeRefs = isUser(credentials)
      ? await Promise.all(
          asked.map(ref => this.visibleProductRef(ref, credentials)),
        )
      : asked.map(ref => normalizeEntityRef(ref));
    const grants = await this.options.store.grantsOfProducts([
      ...new Set(storeRefs.filter((ref): ref is string => ref !== undefined)),
    ]);
    const answer = new Map<string, AccessGrant[]>();
    asked.forEach((ref, i) => {
      const storeRef = storeRefs[i];
      if (storeRef !== undefined) {
        answer.set(ref, grants.get(storeRef) ?? []);
      }
    });
    return answer;
  }

  /** The product's ref as the store keys it, or undefined when the user cannot see it. */
  private async visibleProductRef(
    ref: string,
    credentials: UserCredentials,
  ): Promise<string | undefined> {
    try {
      const product = await this.options.products.load(ref, credentials);
      return normalizeEntityRef(stringifyEntityRef(product));
    } catch (error) {
      if (isError(error) && error.name === 'NotFoundError') {
        return undefined;
      }
      throw error;
    }
  }

  private async load(id: string): Promise<AccessRequest> {
    const request = await this.options.store.get(id);
    if (!request) {
      throw new NotFoundError(`No access request ${id}`);
    }
    return request;
  }

  private async identify(credentials: UserCredentials) {
    const info = await this.options.userInfo.getUserInfo(credentials);
    return {
      userEntityRef: normalizeEntityRef(credentials.principal.userEntityRef),
      ownershipRefs: info.ownershipEntityRefs.map(ref =>
        normalizeEntityRef(ref),
      ),
    };
  }
}

function isUser(
  credentials: BackstageCredentials,
): credentials is UserCredentials {
  return (credentials.principal as { type?: string }).type === 'user';
}

function sameRef(a: string, b: string): boolean {
  return normalizeEntityRef(a) === normalizeEntityRef(b);
}

function nowDate(): Date {
  return new Date();
}

/**
 * A replayed Idempotency-Key must carry the same request: a different one under the same
 * key is a client bug that would otherwise silently return someone else's answer.
 */
function assertSameAsking(
  existing: AccessRequest,
  asked: Pick<
    AccessRequest,
    'dataProduct' | 'outputPort' | 'consumer' | 'purpose' | 'endDate'
  >,
): void {
  const same =
    existing.dataProduct === asked.dataProduct &&
    existing.outputPort === asked.outputPort &&
    existing.consumer === asked.consumer &&
    existing.purpose.category === asked.purpose.category &&
    existing.purpose.text === asked.purpose.text &&
    (existing.endDate ?? undefined) === (asked.endDate ?? undefined);
  if (!same) {
    throw new ConflictError(
      `The Idempotency-Key was already used for access request ${existing.id}, with a different body`,
    );
  }
}
