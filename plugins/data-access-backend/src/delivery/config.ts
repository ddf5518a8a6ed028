import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';

/** The config section of delivery: `dataAccess.delivery`. */
export const DELIVERY_CONFIG_KEY = 'dataAccess.delivery';

/** The adapter used when config names none for a product or its domain. */
export const DEFAULT_DELIVERY_ADAPTER = 'webhook';

/** How the delivery worker paces itself; every value has a default. */
export interface DeliveryWorkerSettings {
  /** How often the scheduler runs the worker (once per tick across replicas). */
  frequencyMs: number;
  /** How long one run may take before the scheduler lets another replica run. */
  timeoutMs: number;
  /** Delay before the first retry of a delivery system that could not be reached. */
  initialRetryDelayMs: number;
  /** The backoff doubles up to this cap, and retries go on: nothing is given up. */
  maxRetryDelayMs: number;
  /** How often a pending delivery (e.g. an open ticket) is polled. */
  pollIntervalMs: number;
  /** How long a claimed delivery is reserved; longer than any adapter call may take. */
  leaseMs: number;
  /** Deliveries claimed and handled at once. */
  batchSize: number;
}

export const DEFAULT_DELIVERY_WORKER_SETTINGS: DeliveryWorkerSettings = {
  frequencyMs: 5_000,
  timeoutMs: 5 * 60_000,
  initialRetryDelayMs: 10_000,
  maxRetryDelayMs: 60 * 60_000,
  pollIntervalMs: 60_000,
  leaseMs: 2 * 60_000,
  batchSize: 10,
};

const DURATION_KEYS: Record<string, keyof DeliveryWorkerSettings> = {
  frequency: 'frequencyMs',
  timeout: 'timeoutMs',
  'retry.initialDelay': 'initialRetryDelayMs',
  'retry.maxDelay': 'maxRetryDelayMs',
  pollInterval: 'pollIntervalMs',
  lease: 'leaseMs',
};

export function readDeliveryWorkerSettings(
  config: Config | undefined,
): DeliveryWorkerSettings {
  const settings = { ...DEFAULT_DELIVERY_WORKER_SETTINGS };
  const delivery = config?.getOptionalConfig(DELIVERY_CONFIG_KEY);
  if (!delivery) {
    return settings;
  }
  for (const [key, setting] of Object.entries(DURATION_KEYS)) {
    if (delivery.has(key)) {
      settings[setting] = durationToMs(
        readDurationFromConfig(delivery, { key }),
      );
    }
  }
  settings.batchSize =
    delivery.getOptionalNumber('batchSize') ?? settings.batchSize;
  return settings;
}

const MS_PER_UNIT = {
  years: 365 * 24 * 3600_000,
  months: 30 * 24 * 3600_000,
  weeks: 7 * 24 * 3600_000,
  days: 24 * 3600_000,
  hours: 3600_000,
  minutes: 60_000,
  seconds: 1000,
  milliseconds: 1,
};

export function durationToMs(
  duration: Partial<Record<keyof typeof MS_PER_UNIT, number>>,
): number {
  return Object.entries(MS_PER_UNIT).reduce(
    (total, [unit, ms]) =>
      total + (duration[unit as keyof typeof MS_PER_UNIT] ?? 0) * ms,
    0,
  );
}

/**
 * Chooses the delivery adapter for a product: `byProduct.<product name>`, else
 * `byDomain.<domain name>`, else `default`, else `webhook`. Keys are entity names because
 * config keys cannot hold a full entity ref (its `/`); refs are accepted as arguments.
 */
export function chooseDeliveryAdapter(
  config: Config,
  target: { dataProduct: string; domain?: string },
): string {
  const delivery = config.getOptionalConfig(DELIVERY_CONFIG_KEY);
  const byProduct = delivery?.getOptionalConfig('byProduct');
  const byDomain = delivery?.getOptionalConfig('byDomain');
  const product = entityName(target.dataProduct);
  const domain = target.domain ? entityName(target.domain) : undefined;
  return (
    lookup(byProduct, product) ??
    (domain ? lookup(byDomain, domain) : undefined) ??
    delivery?.getOptionalString('default') ??
    DEFAULT_DELIVERY_ADAPTER
  );
}

function lookup(section: Config | undefined, name: string) {
  // Config.getOptionalString(key) would split a name with dots into a path.
  return section?.keys().includes(name) ? section.getString(name) : undefined;
}

function entityName(ref: string): string {
  const name = ref.slice(ref.lastIndexOf('/') + 1);
  const withoutKind = name.slice(name.indexOf(':') + 1);
  if (!withoutKind) {
    throw new InputError(`Not an entity ref: ${ref}`);
  }
  return withoutKind;
}
