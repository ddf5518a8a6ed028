import type { Entity } from '@backstage/catalog-model';
import { safeParsePolicyRule } from './parse';
import { refOf } from './refs';
import type { PolicyRule } from './schema';

/** The id under which a refused domain rule is reported on the domain's products. */
export const DOMAIN_POLICIES_RULE_ID = 'domain-policies';

/** A rule in force, and where it comes from: `mesh`, or the ref of the domain that added it. */
export type ResolvedPolicyRule = PolicyRule & { source: string };

/** A domain rule that was not accepted, and why; the mesh-wide rules stay in force. */
export interface PolicyRefusal {
  /** Ref of the domain whose spec.policies holds it. */
  domain: string;
  /** Path into the Domain entity: `spec.policies[1].id`. */
  path: string;
  message: string;
  /** The refused rule's id, when it has one. */
  ruleId?: string;
}

/** The rules that apply to a domain's products. */
export interface ResolvedPolicies {
  rules: ResolvedPolicyRule[];
  refused: PolicyRefusal[];
}

const FEDERATION =
  'a domain adds rules to the mesh-wide ones and cannot replace, weaken or disable them; the mesh-wide rule still applies. Give the domain rule an id of its own';

/** Why a domain entry that reuses a mesh-wide id is refused, and at which field. */
function reuse(entry: Record<string, unknown>, mesh: PolicyRule, at: string) {
  if (entry.enabled === false) {
    return {
      path: `${at}.enabled`,
      message: `cannot disable mesh-wide rule "${mesh.id}": ${FEDERATION}`,
    };
  }
  if (entry.severity === 'warning' && mesh.severity === 'error') {
    return {
      path: `${at}.severity`,
      message: `cannot lower mesh-wide rule "${mesh.id}" from error to warning: ${FEDERATION}`,
    };
  }
  return {
    path: `${at}.id`,
    message: `reuses the id of mesh-wide rule "${mesh.id}": ${FEDERATION}`,
  };
}

/**
 * Federation: the mesh-wide rules, then the rules the domain adds in `spec.policies`. A
 * domain entry that reuses a mesh-wide id (to replace it, lower its severity or disable
 * it), repeats one of its own ids or does not parse is refused and reported, never thrown:
 * one domain's mistake must not stop the governance of the mesh, and the mesh-wide rules
 * apply to its products whatever it wrote.
 */
export function resolvePolicies(
  meshWide: PolicyRule[],
  domain?: Entity,
): ResolvedPolicies {
  const rules: ResolvedPolicyRule[] = meshWide.map(r => ({
    ...r,
    source: 'mesh',
  }));
  const refused: PolicyRefusal[] = [];
  const entries = domain?.spec?.policies;
  if (!domain || entries === undefined) {
    return { rules, refused };
  }
  const domainRef = refOf(domain);
  if (!Array.isArray(entries)) {
    refused.push({
      domain: domainRef,
      path: 'spec.policies',
      message: 'expected a list of rules; none of them applies',
    });
    return { rules, refused };
  }
  const meshIds = new Map(
    meshWide.map(r => [r.id.toLocaleLowerCase('en-US'), r]),
  );
  const ownIds = new Set<string>();
  entries.forEach((entry, index) => {
    const at = `spec.policies[${index}]`;
    const raw: Record<string, unknown> =
      typeof entry === 'object' && entry !== null && !Array.isArray(entry)
        ? entry
        : {};
    const id = typeof raw.id === 'string' ? raw.id : undefined;
    const mesh = id
      ? meshIds.get(id.trim().toLocaleLowerCase('en-US'))
      : undefined;
    if (mesh) {
      refused.push({ domain: domainRef, ruleId: id, ...reuse(raw, mesh, at) });
      return;
    }
    const { rule, issues } = safeParsePolicyRule(entry, at);
    if (!rule) {
      refused.push(
        ...issues.map(issue => ({ domain: domainRef, ruleId: id, ...issue })),
      );
    } else if (ownIds.has(rule.id)) {
      refused.push({
        domain: domainRef,
        ruleId: id,
        path: `${at}.id`,
        message: `duplicate id "${rule.id}": the domain has a rule with it already`,
      });
    } else {
      ownIds.add(rule.id);
      rules.push({ ...rule, source: domainRef });
    }
  });
  return { rules, refused };
}
