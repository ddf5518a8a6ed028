import type { JsonObject } from '@backstage/types';
import type {
  ContractProperty,
  DataContractSummary,
} from '../../descriptors/entities';
import { toRef } from '../refs';

// What the sensitive-data-access rule reads of a product's contracts: which columns hold
// personal or restricted data, and whether a role says the owner approves access.

/** What makes a column sensitive. */
export interface SensitiveMarks {
  /** Column classifications (lowercase) that count, e.g. restricted. */
  classifications: string[];
  /** Whether a column flagged as personal data (DCS `pii: true`, a `pii` tag) counts. */
  pii: boolean;
}

function isSensitive(property: ContractProperty, marks: SensitiveMarks) {
  const classification = property.classification?.toLocaleLowerCase('en-US');
  if (classification && marks.classifications.includes(classification)) {
    return true;
  }
  const tagged = (property.tags ?? []).some(
    tag => tag.toLocaleLowerCase('en-US') === 'pii',
  );
  return marks.pii && (property.pii === true || tagged);
}

/** `object.column` of every sensitive column of the contract, nested ones included. */
export function sensitiveColumns(
  summary: DataContractSummary,
  marks: SensitiveMarks,
): string[] {
  const found: string[] = [];
  const walk = (properties: ContractProperty[] | undefined, at: string) => {
    for (const property of properties ?? []) {
      const name = `${at}.${property.name}`;
      if (isSensitive(property, marks)) {
        found.push(name);
      }
      walk(property.properties, name);
    }
  };
  for (const object of summary.objects) {
    walk(object.properties, object.name);
  }
  return found;
}

/**
 * Whether the contract declares an access role that the owner approves: ODCS `roles[]`
 * with the owner among its first- or second-level approvers. The scaffolder's templates
 * write exactly that for a product with an access policy, and the catalog keeps the roles
 * in the contract API entity (`spec.dataContract.terms.roles`).
 */
export function ownerApprovesAccess(
  summary: DataContractSummary,
  owner: string,
): boolean {
  const roles = summary.terms?.roles;
  if (!Array.isArray(roles)) {
    return false;
  }
  return roles.some(role => {
    const r = (role ?? {}) as JsonObject;
    return [r.firstLevelApprovers, r.secondLevelApprovers].some(
      approvers =>
        typeof approvers === 'string' &&
        approvers
          .split(',')
          .some(a => toRef(a.trim(), { kind: 'group' }) === owner),
    );
  });
}
