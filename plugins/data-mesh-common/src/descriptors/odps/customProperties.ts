import {
  CLASSIFICATIONS,
  Classification,
  DATA_PRODUCT_TYPES,
  DataProductType,
} from '../../kinds/constants';
import type { DescriptorIssue } from '../types';
import type { OdpsCustomProperty } from './schemas';
import { compact, nonEmpty } from '../conversion';

/**
 * The suite's conventions for an ODPS document's customProperties. ODPS has no field for
 * several things the DataProduct kind knows; a descriptor carries them as custom
 * properties (which every ODPS tool keeps), so that a plain ODPS file can describe a whole
 * product of the mesh:
 *
 * On the document (top-level `customProperties`):
 * - `owner`: an entity ref (`group:default/brokerage`, `user:default/jane`) or a group
 *   name → `spec.owner` (wins over `team.name`);
 * - `classification`: public | internal | confidential | restricted → `spec.classification`;
 * - `dataProductType`: source-aligned | aggregate | consumer-aligned → `spec.type`;
 * - `license`: text or an SPDX id → `spec.usage.license`;
 * - `redistribution`: true | false → `spec.usage.redistribution`;
 * - `updateFrequency`: text such as `daily` or `PT1H` → `spec.sla.updateFrequency`.
 *
 * On a port (its own `customProperties`, ODPS v1.0.0):
 * - `address` (or `server`, `url`, `location`): where to consume an output port;
 * - `dataProduct`: on an input port, the upstream data product (entity ref or name), which
 *   gives product-level lineage; `source`: an outside source that is not a data product.
 *
 * A value the suite cannot use is left out with a warning naming the property.
 */
export interface SuiteConventions {
  owner?: string;
  classification?: Classification;
  type?: DataProductType;
  license?: string;
  redistribution?: boolean;
  updateFrequency?: string;
}

/** Names of the custom properties the suite reads (the rest go to the entity as they are). */
export const SUITE_PROPERTY_NAMES = [
  'owner',
  'classification',
  'dataProductType',
  'license',
  'redistribution',
  'updateFrequency',
];

/** The value of a custom property, with its index in the list, or undefined. */
export function findCustomProperty(
  properties: OdpsCustomProperty[] | undefined,
  name: string,
): { value: unknown; index: number } | undefined {
  const index = (properties ?? []).findIndex(p => p.property === name);
  return index < 0 ? undefined : { value: properties![index].value, index };
}

function asBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') {
    return value;
  }
  const text = nonEmpty(value)?.trim().toLocaleLowerCase('en-US');
  if (text === 'true' || text === 'yes') {
    return true;
  }
  if (text === 'false' || text === 'no') {
    return false;
  }
  return undefined;
}

function oneOf<T extends string>(
  allowed: readonly T[],
  value: unknown,
): T | undefined {
  const text = nonEmpty(value)?.trim().toLocaleLowerCase('en-US');
  return allowed.find(a => a === text);
}

/** Reads the suite's conventions from the document's top-level customProperties. */
export function readSuiteConventions(
  properties: OdpsCustomProperty[] | undefined,
  warnings: DescriptorIssue[],
): SuiteConventions {
  const read = <T>(
    name: string,
    parse: (value: unknown) => T | undefined,
    expected: string,
  ): T | undefined => {
    const found = findCustomProperty(properties, name);
    if (!found) {
      return undefined;
    }
    const parsed = parse(found.value);
    if (parsed === undefined) {
      warnings.push({
        path: `customProperties[${found.index}].value`,
        message: `custom property "${name}" is left out: expected ${expected}`,
      });
    }
    return parsed;
  };

  const owner = read('owner', nonEmpty, 'an entity ref or a group name');
  const classification = read(
    'classification',
    v => oneOf(CLASSIFICATIONS, v),
    `one of ${CLASSIFICATIONS.join(', ')}`,
  );
  const type = read(
    'dataProductType',
    v => oneOf(DATA_PRODUCT_TYPES, v),
    `one of ${DATA_PRODUCT_TYPES.join(', ')}`,
  );
  const license = read('license', nonEmpty, 'a licence name or SPDX id');
  const redistribution = read('redistribution', asBoolean, 'true or false');
  const updateFrequency = read(
    'updateFrequency',
    v => (typeof v === 'number' ? String(v) : nonEmpty(v)),
    'text such as daily or PT1H',
  );

  return compact({
    owner,
    classification,
    type,
    license,
    redistribution,
    updateFrequency,
  });
}
