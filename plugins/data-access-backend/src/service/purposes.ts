import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/** Why data is wanted, from a list the organisation sets: it drives the owner's risk call. */
export interface PurposeCategory {
  id: string;
  title: string;
  description?: string;
}

/** Used when config sets none, so the plugin works out of the box. */
export const DEFAULT_PURPOSE_CATEGORIES: PurposeCategory[] = [
  {
    id: 'analytics',
    title: 'Analytics and reporting',
    description: 'Dashboards, reports and ad-hoc analysis',
  },
  {
    id: 'data-science',
    title: 'Data science and machine learning',
    description: 'Exploration, model training and scoring',
  },
  {
    id: 'operational',
    title: 'Operational use',
    description:
      'An application or process that uses the data to run the business',
  },
  {
    id: 'regulatory',
    title: 'Regulatory and compliance',
    description: 'Reporting to regulators, audits, legal obligations',
  },
];

/** `dataAccess.purposeCategories`, or the defaults. */
export function readPurposeCategories(config: Config): PurposeCategory[] {
  const configured = config.getOptionalConfigArray(
    'dataAccess.purposeCategories',
  );
  if (!configured) {
    return DEFAULT_PURPOSE_CATEGORIES;
  }
  return configured.map(category => ({
    id: category.getString('id'),
    title: category.getString('title'),
    description: category.getOptionalString('description'),
  }));
}

export function assertKnownPurposeCategory(
  categories: PurposeCategory[],
  id: string,
): void {
  if (!categories.some(category => category.id === id)) {
    throw new InputError(
      `purpose.category: unknown purpose category '${id}'; expected one of ${categories
        .map(category => category.id)
        .join(', ')}`,
    );
  }
}
