import type { Entity } from '@backstage/catalog-model';
import type { z } from 'zod';
import type { GovernanceStatus } from '../kinds/constants';

/** How much a broken rule weighs: an error fails the product, a warning only flags it. */
export type PolicySeverity = 'error' | 'warning';

/**
 * What the rules may look up besides the entity they check. Synchronous on purpose: the
 * caller loads the catalog once (groups, products, contract APIs, domains) and the rules
 * read that index, so evaluating thousands of products does no I/O per rule.
 */
export interface GovernanceContext {
  /** The entity with this full ref (`kind:namespace/name`, any case), if it is known. */
  getEntity(ref: string): Entity | undefined;
}

/** One rule's verdict on one entity (a rule that finds several problems gives several). */
export interface GovernanceRuleResult {
  ruleId: string;
  severity: PolicySeverity;
  passed: boolean;
  /** On failure, what the owner has to change; on success, what the rule checked. */
  message: string;
  /** The field the result is about, as a path into the entity (`spec.outputPorts[1].contract`). */
  path?: string;
}

/** Every applicable rule's verdict on one entity. */
export interface GovernanceResult {
  entityRef: string;
  /** `failing` if an error failed, else `warning` if a warning failed, else `passing`. */
  status: GovernanceStatus;
  results: GovernanceRuleResult[];
}

/** A problem a rule type found; the engine adds the rule's id and severity. */
export interface RuleFinding {
  message: string;
  path?: string;
  /** A finding weaker than the rule (an upstream that is only deprecated): never stronger. */
  severity?: PolicySeverity;
}

/** A built-in kind of rule: what its params are and how it checks an entity. */
export interface RuleType<P> {
  type: string;
  /** Its `params`; parsing fills in the defaults. */
  params: z.ZodType<P>;
  /** Whether the rule can run without params (all of them have defaults). */
  paramsOptional: boolean;
  /** The kinds it can check, lowercase; any kind when absent. */
  kinds?: readonly string[];
  /** What a passing entity satisfies, for the passed result's message. */
  describe(params: P): string;
  /** The problems of one entity; empty when it passes. */
  check(entity: Entity, params: P, context: GovernanceContext): RuleFinding[];
}
