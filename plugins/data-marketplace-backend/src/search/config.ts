import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  type SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { ConfigReader, type Config } from '@backstage/config';
import type { JsonObject } from '@backstage/types';

/** How often, and how long, the marketplace indexer runs. */
export const MARKETPLACE_INDEX_SCHEDULE_CONFIG_KEY =
  'dataMarketplace.index.schedule';

// Every 30 seconds: a run that finds nothing changed only reads the catalog and compares
// hashes, so a new or changed product shows in the marketplace within a minute. Ten
// minutes frees the task for another replica if one dies mid-run; a first run of 100,000
// products takes well under that (bench/marketplaceQueries.ts).
const DEFAULT_SCHEDULE: JsonObject = {
  frequency: { seconds: 30 },
  timeout: { minutes: 10 },
};

/**
 * The indexer's schedule from `dataMarketplace.index.schedule`: `frequency` (a duration or
 * `{ cron }`), `timeout`, `initialDelay`, each defaulted. Always one run per tick across
 * replicas. Throws, naming the key, when it is not valid.
 */
export function readMarketplaceIndexSchedule(
  config: Config,
): SchedulerServiceTaskScheduleDefinition {
  const configured = config.getOptionalConfig(
    MARKETPLACE_INDEX_SCHEDULE_CONFIG_KEY,
  );
  // Fields replace the defaults whole: a cron frequency must not merge with { seconds }.
  const merged = { ...DEFAULT_SCHEDULE, ...configured?.get<JsonObject>() };
  try {
    return {
      ...readSchedulerServiceTaskScheduleDefinitionFromConfig(
        new ConfigReader(merged, MARKETPLACE_INDEX_SCHEDULE_CONFIG_KEY),
      ),
      scope: 'global',
    };
  } catch (error) {
    throw new Error(
      `Invalid ${MARKETPLACE_INDEX_SCHEDULE_CONFIG_KEY}: ${
        (error as Error).message
      }`,
    );
  }
}
