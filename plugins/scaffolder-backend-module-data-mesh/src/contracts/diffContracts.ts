import { Change, breaking, classificationChange, nonBreaking } from './changes';

/**
 * The parts of a contract the diff compares, as the catalog module summarises every
 * contract standard (the API entity's `spec.dataContract`): objects and their properties.
 */
export interface ContractProperty {
  name: string;
  logicalType?: string;
  physicalType?: string;
  required?: boolean;
  unique?: boolean;
  primaryKey?: boolean;
  classification?: string;
  properties?: ContractProperty[];
}

export interface ContractObject {
  name: string;
  properties: ContractProperty[];
}

/**
 * Which logical types hold every value of another: the new type of a property must hold
 * all the old one's values, or consumers lose what they read (a narrowed type).
 */
const HOLDS: Record<string, string[]> = {
  string: ['date', 'timestamp', 'time', 'number', 'integer', 'boolean'],
  number: ['integer'],
  timestamp: ['date'],
};

function typeChange(path: string, before?: string, after?: string): Change[] {
  if (before === after) {
    return [];
  }
  if (!before || !after) {
    return [
      nonBreaking(
        path,
        `logical type ${after ? `set to ${after}` : 'no longer stated'}`,
      ),
    ];
  }
  return HOLDS[after]?.includes(before)
    ? [nonBreaking(path, `type widened from ${before} to ${after}`)]
    : [
        breaking(
          path,
          `type narrowed from ${before} to ${after}: some values consumers read no longer fit`,
        ),
      ];
}

/** `varchar(40)` → `varchar(20)` narrows a column as surely as a new logical type does. */
function physicalTypeChange(
  path: string,
  before?: string,
  after?: string,
): Change[] {
  if (!before || !after || before === after) {
    return before === after || !after
      ? []
      : [nonBreaking(path, `physical type set to ${after}`)];
  }
  const size = /^\s*([a-z ]+?)\s*\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\)\s*$/i;
  const [b, a] = [size.exec(before), size.exec(after)];
  if (b && a && b[1].toLowerCase() === a[1].toLowerCase()) {
    const narrower =
      Number(a[2]) < Number(b[2]) || Number(a[3] ?? 0) < Number(b[3] ?? 0);
    if (narrower) {
      return [
        breaking(path, `physical type narrowed from ${before} to ${after}`),
      ];
    }
  }
  return [
    nonBreaking(path, `physical type changed from ${before} to ${after}`),
  ];
}

function guaranteeChanges(
  path: string,
  before: ContractProperty,
  after: ContractProperty,
): Change[] {
  const changes: Change[] = [];
  if (before.required && !after.required) {
    changes.push(
      breaking(path, 'no longer required: consumers may now read nulls'),
    );
  } else if (!before.required && after.required) {
    changes.push(nonBreaking(path, 'now required'));
  }
  for (const key of ['unique', 'primaryKey'] as const) {
    if (before[key] && !after[key]) {
      changes.push(
        breaking(
          path,
          `no longer ${
            key === 'unique' ? 'unique' : 'part of the primary key'
          }`,
        ),
      );
    }
  }
  return changes;
}

function diffProperty(
  path: string,
  before: ContractProperty,
  after: ContractProperty,
  defaults: ClassificationDefaults,
): Change[] {
  // A property's own classification is compared with what it was in effect (its own, or
  // its product's); a change of the product's alone is reported once, for the product.
  const classification =
    before.classification === after.classification
      ? undefined
      : classificationChange(
          path,
          before.classification ?? defaults.before,
          after.classification ?? defaults.after,
        );
  return [
    ...typeChange(path, before.logicalType, after.logicalType),
    ...physicalTypeChange(path, before.physicalType, after.physicalType),
    ...guaranteeChanges(path, before, after),
    ...(classification ? [classification] : []),
    ...diffProperties(
      path,
      before.properties ?? [],
      after.properties ?? [],
      defaults,
    ),
  ];
}

/** The classification a property has when it states none: its product's. */
export interface ClassificationDefaults {
  before?: string;
  after?: string;
}

/**
 * Properties are matched by name. One that disappears is removed, unless the property in
 * its place is new and of the same type: then it was renamed. Both break consumers.
 */
function diffProperties(
  parent: string,
  before: ContractProperty[],
  after: ContractProperty[],
  defaults: ClassificationDefaults,
): Change[] {
  const changes: Change[] = [];
  const beforeNames = new Set(before.map(p => p.name));
  const renamedTo = new Set<string>();
  const at = (name: string) => `${parent}.properties[${name}]`;
  before.forEach((property, index) => {
    const match = after.find(p => p.name === property.name);
    if (match) {
      changes.push(
        ...diffProperty(at(property.name), property, match, defaults),
      );
      return;
    }
    const inItsPlace = after[index];
    if (
      inItsPlace &&
      !beforeNames.has(inItsPlace.name) &&
      inItsPlace.logicalType === property.logicalType
    ) {
      renamedTo.add(inItsPlace.name);
      changes.push(
        breaking(
          at(property.name),
          `renamed to ${inItsPlace.name}: consumers that read ${property.name} break`,
        ),
      );
      return;
    }
    changes.push(
      breaking(at(property.name), 'removed: consumers that read it break'),
    );
  });
  for (const property of after) {
    if (!beforeNames.has(property.name) && !renamedTo.has(property.name)) {
      changes.push(
        nonBreaking(
          at(property.name),
          `added${property.required ? ' (required)' : ''}`,
        ),
      );
    }
  }
  return changes;
}

/** Every difference between two contracts' schemas, breaking or not. */
export function diffContracts(
  before: ContractObject[],
  after: ContractObject[],
  defaults: ClassificationDefaults = {},
): Change[] {
  const changes: Change[] = [];
  for (const object of before) {
    const path = `schema[${object.name}]`;
    const match = after.find(o => o.name === object.name);
    if (!match) {
      changes.push(breaking(path, 'removed: consumers that read it break'));
    } else {
      changes.push(
        ...diffProperties(path, object.properties, match.properties, defaults),
      );
    }
  }
  for (const object of after) {
    if (!before.some(o => o.name === object.name)) {
      changes.push(nonBreaking(`schema[${object.name}]`, 'added'));
    }
  }
  return changes;
}
