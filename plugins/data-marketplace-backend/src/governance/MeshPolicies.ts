import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import {
  GOVERNANCE_POLICIES_CONFIG_KEY,
  parsePolicies,
  safeParsePolicies,
  type PolicyRule,
} from '@datamesh/plugin-data-mesh-common';

/**
 * The mesh-wide policies of app-config (`datamesh.governance.policies`). Read at startup,
 * where a mistake stops the backend with a message naming its path; read again when the
 * config changes (a portal that watches its config files), where a mistake is logged and the
 * policies in force stay, because one typo must not switch governance off.
 */
export class MeshPolicies {
  static fromConfig(
    config: Config & {
      subscribe?(onChange: () => void): { unsubscribe(): void };
    },
    logger: LoggerService,
  ): MeshPolicies {
    const policies = new MeshPolicies(
      parsePolicies(config.getOptional(GOVERNANCE_POLICIES_CONFIG_KEY)),
    );
    config.subscribe?.(() => policies.reload(config, logger));
    return policies;
  }

  private constructor(private rules: PolicyRule[]) {}

  /** The policies in force now; a run evaluates with one set from start to end. */
  current(): PolicyRule[] {
    return this.rules;
  }

  private reload(config: Config, logger: LoggerService) {
    const parsed = safeParsePolicies(
      config.getOptional(GOVERNANCE_POLICIES_CONFIG_KEY),
    );
    if (!parsed.success) {
      logger.error(
        'The changed governance policies are invalid; the previous ones stay in force',
        {
          issues: parsed.issues
            .map(issue => `${issue.path}: ${issue.message}`)
            .join('; '),
        },
      );
      return;
    }
    if (JSON.stringify(parsed.rules) !== JSON.stringify(this.rules)) {
      this.rules = parsed.rules;
      logger.info('The governance policies changed', {
        rules: parsed.rules.length,
      });
    }
  }
}
