import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import type { GovernanceStatus } from '../kinds/constants';
import { DOMAIN_POLICIES_RULE_ID, resolvePolicies } from './resolvePolicies';
import type { ResolvedPolicies } from './resolvePolicies';
import { refOf, toRef } from './refs';
import { RULE_TYPES } from './rules';
import type { PolicyRule } from './schema';
import { ruleApplies } from './selector';
import type {
  GovernanceContext,
  GovernanceResult,
  GovernanceRuleResult,
  PolicySeverity,
  RuleFinding,
  RuleType,
} from './types';

// Resolving a domain parses its rules; with thousands of products in a few domains, that is
// done once per (mesh-wide set, domain entity) and reused.
const resolved = new WeakMap<PolicyRule[], WeakMap<Entity, ResolvedPolicies>>();
const meshOnly = new WeakMap<PolicyRule[], ResolvedPolicies>();

function policiesFor(
  entity: Entity,
  meshWide: PolicyRule[],
  context: GovernanceContext,
): ResolvedPolicies {
  const domainRef = toRef(entity.spec?.domain, { kind: 'domain' });
  const domain = domainRef ? context.getEntity(domainRef) : undefined;
  if (!domain || domain.kind.toLocaleLowerCase('en-US') !== 'domain') {
    let mesh = meshOnly.get(meshWide);
    if (!mesh) {
      mesh = resolvePolicies(meshWide);
      meshOnly.set(meshWide, mesh);
    }
    return mesh;
  }
  let byDomain = resolved.get(meshWide);
  if (!byDomain) {
    byDomain = new WeakMap();
    resolved.set(meshWide, byDomain);
  }
  let result = byDomain.get(domain);
  if (!result) {
    result = resolvePolicies(meshWide, domain);
    byDomain.set(domain, result);
  }
  return result;
}

const weaker = (a: PolicySeverity, b?: PolicySeverity): PolicySeverity =>
  a === 'warning' || b === 'warning' ? 'warning' : 'error';

function statusOf(results: GovernanceRuleResult[]): GovernanceStatus {
  const failed = results.filter(r => !r.passed);
  if (failed.some(r => r.severity === 'error')) {
    return 'failing';
  }
  return failed.length > 0 ? 'warning' : 'passing';
}

function runRule(
  rule: PolicyRule,
  entity: Entity,
  context: GovernanceContext,
): GovernanceRuleResult[] {
  const type = RULE_TYPES[rule.type] as RuleType<unknown>;
  let findings: RuleFinding[];
  try {
    findings = type.check(entity, rule.params, context);
  } catch (error) {
    // One odd entity must not stop the evaluation of the mesh: the rule fails on it alone.
    findings = [
      {
        message: `The rule could not check this entity (${
          (error as Error).message
        }); ask the platform team`,
      },
    ];
  }
  if (findings.length === 0) {
    const message = rule.description ?? type.describe(rule.params);
    return [
      { ruleId: rule.id, severity: rule.severity, passed: true, message },
    ];
  }
  return findings.map(finding => ({
    ruleId: rule.id,
    severity: weaker(rule.severity, finding.severity),
    passed: false,
    message: rule.message ?? finding.message,
    ...(finding.path ? { path: finding.path } : {}),
  }));
}

/**
 * The governance engine: every rule in force that applies to the entity, its verdict and
 * what to change. `policies` is the mesh-wide set (the entity's domain is found in the
 * context and its own rules are added, see resolvePolicies) or an already resolved set.
 * The CLI, the scaffolder action and the backend all call this, so they agree.
 */
export function evaluateGovernance(options: {
  entity: Entity;
  policies: PolicyRule[] | ResolvedPolicies;
  context: GovernanceContext;
}): GovernanceResult {
  const { entity, context } = options;
  const policies = Array.isArray(options.policies)
    ? policiesFor(entity, options.policies, context)
    : options.policies;
  const domainRef = toRef(entity.spec?.domain, { kind: 'domain' });
  const results: GovernanceRuleResult[] = policies.refused.map(refusal => ({
    ruleId: DOMAIN_POLICIES_RULE_ID,
    severity: 'error',
    passed: false,
    message: `Fix the policies of ${refusal.domain}: ${refusal.path}: ${refusal.message}`,
  }));
  for (const rule of policies.rules) {
    const inScope = rule.source === 'mesh' || rule.source === domainRef;
    if (rule.enabled && inScope && ruleApplies(rule, entity)) {
      results.push(...runRule(rule, entity, context));
    }
  }
  return {
    entityRef: stringifyEntityRef(entity),
    status: statusOf(results),
    results,
  };
}

/** The refs a product's rules look up, for callers that load the context on demand. */
export function governanceRefsOf(entity: Entity): string[] {
  const spec = entity.spec ?? {};
  const refs = [
    toRef(spec.owner, { kind: 'group' }),
    toRef(spec.domain, { kind: 'domain' }),
    toRef(spec.successor, { kind: 'dataproduct' }),
    ...((spec.inputPorts ?? []) as Array<{ dataProduct?: string }>).map(p =>
      toRef(p.dataProduct, { kind: 'dataproduct' }),
    ),
    ...((spec.outputPorts ?? []) as Array<{ contract?: string }>).map(p =>
      toRef(p.contract, { kind: 'api' }),
    ),
  ];
  return [...new Set(refs.filter((r): r is string => Boolean(r)))].filter(
    r => r !== refOf(entity),
  );
}
