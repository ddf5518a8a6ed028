import type { Cycle } from '../api';

// What each number on the governance and metrics pages means, in the words of the backend's
// README ("Mesh metrics"); keep them in step with it, since the backend computes the values.

export const COMPLIANCE_DEFINITION =
  'Compliance: the share of products that are not failing (passing, or with only warnings failed). A product fails when a rule of severity error fails.';

export const GOVERNANCE_TREND_DEFINITION =
  'Compliance per day, from the daily snapshot of the governance results (UTC days).';

export const WORST_OFFENDERS_DEFINITION =
  'The products with the most failed errors, then the most failed warnings. Passing products are never listed.';

export const RULE_COMPLIANCE_DEFINITION =
  'For each rule, the products it passed and failed on, and the share it passed.';

export const CONSUMERS_PER_PRODUCT_DEFINITION =
  'Reuse, the main value signal: each product’s distinct consumers (users, groups, components or systems) with an access request currently granted; mean, median and p90 over the products of the latest daily snapshot.';

export const NO_CONSUMER_DEFINITION =
  'Products with no consumer, out of all products in the catalog. A product nobody consumes has no value yet.';

export const CYCLE_DEFINITIONS: Record<Cycle, { title: string; text: string }> =
  {
    1: {
      title: 'Cycle 1: creating a product',
      text: 'From the start of the create template run to the catalog first listing the product. Products registered by hand are not measured.',
    },
    2: {
      title: 'Cycle 2: updating a product',
      text: 'From the start of the evolve template run that asked for a version to the first time the new spec.version is seen in the catalog. Versions changed without the evolve template are not measured.',
    },
    3: {
      title: 'Cycle 3: consuming a product',
      text: 'From the access request to access granted (delivery done). Only granted requests count, also if revoked or expired since.',
    },
  };

export const DECISION_DEFINITION =
  'Waiting for decision: from the access request to the owners’ approval.';

export const DELIVERY_DEFINITION =
  'Waiting for delivery: from the owners’ approval to access granted.';

export const SPLIT_MEDIANS_NOTE =
  'The bars stack the median of each part; medians do not add up, so a bar’s height can differ from the cycle’s own median.';

export const MEDIAN_P90_DEFINITION =
  'Median: the middle lead time (for an even count, the mean of the two middle ones). p90: 90% of lead times were at or below it (nearest rank, always an observed value).';

export const OVER_TIME_DEFINITION =
  'Each lead time counts in the ISO week (Monday to Sunday, UTC) or the month in which it ended.';
