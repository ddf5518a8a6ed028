import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  type BasicPermission,
  type ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  createConditionAuthorizer,
  createConditionTransformer,
  type PermissionRuleset,
} from '@backstage/plugin-permission-node';
import type { AccessRequest } from '@datamesh/plugin-data-access-common';
import type { AccessRequestQuery } from './resourceRef';
import { storeVisibilityOf, type StoreVisibility } from './visibility';

/** What a list may show: a filter for the store, and the exact check for each row. */
export interface ListScope {
  visibleTo: StoreVisibility | 'nothing';
  admits(request: AccessRequest): boolean;
}

/**
 * Asks the permission framework about access requests. Resource permissions are asked once,
 * conditionally, and the conditions applied here to the request already loaded (or turned
 * into the store's filter for lists): one round trip, and the decision is about the very row
 * that will change.
 */
export class AccessRequestAuthorizer {
  private readonly applies: (
    decision: Parameters<ReturnType<typeof createConditionAuthorizer>>[0],
    request: AccessRequest,
  ) => boolean;
  private readonly toQuery: ReturnType<
    typeof createConditionTransformer<AccessRequestQuery>
  >;

  constructor(
    private readonly permissions: Pick<
      PermissionsService,
      'authorize' | 'authorizeConditional'
    >,
    ruleset: PermissionRuleset<AccessRequest, AccessRequestQuery>,
  ) {
    this.applies = createConditionAuthorizer(ruleset);
    this.toQuery = createConditionTransformer(ruleset);
  }

  /** Throws NotAllowedError (403) unless the basic permission is granted. */
  async assertAllowed(
    permission: BasicPermission,
    credentials: BackstageCredentials,
    refusal: string,
  ): Promise<void> {
    const [decision] = await this.permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(refusal);
    }
  }

  /** Throws NotAllowedError (403) unless the permission holds for this request. */
  async assertAllowedOn(
    permission: ResourcePermission,
    request: AccessRequest,
    credentials: BackstageCredentials,
    refusal: string,
  ): Promise<void> {
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission }],
      { credentials },
    );
    if (!this.applies(decision, request)) {
      throw new NotAllowedError(refusal);
    }
  }

  /** The requests the permission holds for, as a store filter and a row check. */
  async scopeOf(
    permission: ResourcePermission,
    credentials: BackstageCredentials,
  ): Promise<ListScope> {
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.CONDITIONAL) {
      return {
        visibleTo: storeVisibilityOf(this.toQuery(decision.conditions)),
        admits: request => this.applies(decision, request),
      };
    }
    return decision.result === AuthorizeResult.ALLOW
      ? { visibleTo: { all: true }, admits: () => true }
      : { visibleTo: 'nothing', admits: () => false };
  }
}
