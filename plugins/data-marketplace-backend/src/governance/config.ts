import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  type SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config, ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';

/** How often, and how long, the evaluation of the mesh runs. */
export const GOVERNANCE_SCHEDULE_CONFIG_KEY =
  'dataMarketplace.governance.schedule';

/** The scheduler task: one run per tick across all replicas. */
export const GOVERNANCE_TASK_ID = 'data-marketplace:governance-evaluation';

// Every minute: a run rewrites only what changed, so it is cheap, and a change in the
// catalog shows in the results within a minute or two. Ten minutes is ample for 10,000
// products (see bench/governance.ts) and frees the task if a replica dies mid-run.
const DEFAULT_SCHEDULE: JsonObject = {
  frequency: { minutes: 1 },
  timeout: { minutes: 10 },
};

/**
 * The evaluation's schedule from `dataMarketplace.governance.schedule`, the scheduler's
 * usual shape (`frequency` as a duration or `{ cron }`, `timeout`, `initialDelay`), each
 * field defaulted. Throws, naming the key, when it is not valid.
 */
export function readGovernanceSchedule(
  config: Config,
): SchedulerServiceTaskScheduleDefinition {
  const configured = config.getOptionalConfig(GOVERNANCE_SCHEDULE_CONFIG_KEY);
  // Fields replace the defaults whole: a cron frequency must not merge with { minutes }.
  const merged = { ...DEFAULT_SCHEDULE, ...configured?.get<JsonObject>() };
  try {
    return readSchedulerServiceTaskScheduleDefinitionFromConfig(
      new ConfigReader(merged, GOVERNANCE_SCHEDULE_CONFIG_KEY),
    );
  } catch (error) {
    throw new Error(
      `Invalid ${GOVERNANCE_SCHEDULE_CONFIG_KEY}: ${(error as Error).message}`,
    );
  }
}
