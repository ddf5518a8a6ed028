import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  type SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { ConfigReader, type Config } from '@backstage/config';
import { metricsRef } from './refs';

/** The settings of the mesh metrics, under `dataMarketplace.metrics`. */
export interface MetricsSettings {
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** Refs of the templates that create a data product (Cycle 1), lower case. */
  createTemplates: string[];
  /** Refs of the templates that evolve a data product (Cycle 2), lower case. */
  evolveTemplates: string[];
  /** How far back the collector reads the scaffolder's template runs. */
  lookbackDays: number;
}

/** The suite's own templates (templates/data-product). */
export const DEFAULT_CREATE_TEMPLATES = [
  'template:default/source-aligned-data-product',
  'template:default/aggregate-data-product',
];
export const DEFAULT_EVOLVE_TEMPLATES = [
  'template:default/evolve-data-product',
];

const DEFAULT_SCHEDULE = {
  frequency: { minutes: 5 },
  // Shorter than the frequency, so a hung run frees the tick for the next one.
  timeout: { minutes: 4 },
};

function templateRefs(
  config: Config | undefined,
  key: string,
  defaults: string[],
) {
  const refs = config?.getOptionalStringArray(key) ?? defaults;
  return refs.map(ref => {
    const canonical = metricsRef(ref, { defaultKind: 'template' });
    if (!canonical) {
      throw new Error(
        `dataMarketplace.metrics.${key}: "${ref}" is not an entity ref`,
      );
    }
    return canonical;
  });
}

export function readMetricsSettings(config: Config): MetricsSettings {
  const metrics = config.getOptionalConfig('dataMarketplace.metrics');
  const schedule = metrics?.getOptionalConfig('schedule');
  return {
    // A schedule that only sets the frequency keeps the default timeout.
    schedule: readSchedulerServiceTaskScheduleDefinitionFromConfig(
      new ConfigReader({ ...DEFAULT_SCHEDULE, ...schedule?.get<object>() }),
    ),
    createTemplates: templateRefs(
      metrics,
      'templates.create',
      DEFAULT_CREATE_TEMPLATES,
    ),
    evolveTemplates: templateRefs(
      metrics,
      'templates.evolve',
      DEFAULT_EVOLVE_TEMPLATES,
    ),
    lookbackDays: metrics?.getOptionalNumber('lookbackDays') ?? 365,
  };
}
