import { createPermissionRule } from '@backstage/plugin-permission-node';
import { z } from 'zod';
import { accessRequestPermissionResourceRef } from './resourceRef';

const claimsSchema = z.object({
  claims: z
    .array(z.string())
    .describe(
      'Entity refs of the caller (their user ref and ownership refs); one match is enough',
    ),
});

/** Entity refs compare case-insensitively in Backstage. */
function matchesAny(refs: string[], claims: string[]): boolean {
  const wanted = new Set(claims.map(c => c.toLocaleLowerCase('en-US')));
  return refs.some(ref => wanted.has(ref.toLocaleLowerCase('en-US')));
}

/** The request was made by one of the claims: "my requests". */
export const isRequester = createPermissionRule({
  name: 'IS_REQUESTER',
  description: 'Allow access requests made by one of the given users',
  resourceRef: accessRequestPermissionResourceRef,
  paramsSchema: claimsSchema,
  apply: (request, { claims }) => matchesAny([request.requester], claims),
  toQuery: ({ claims }) => ({ requesterIn: claims }),
});

/** One of the claims owned the data product when the request was made. */
export const isProductOwner = createPermissionRule({
  name: 'IS_PRODUCT_OWNER',
  description:
    'Allow access requests for data products owned by one of the given users or groups',
  resourceRef: accessRequestPermissionResourceRef,
  paramsSchema: claimsSchema,
  apply: (request, { claims }) => matchesAny(request.productOwners, claims),
  toQuery: ({ claims }) => ({ productOwnerIn: claims }),
});

export const dataAccessPermissionRules = { isRequester, isProductOwner };
