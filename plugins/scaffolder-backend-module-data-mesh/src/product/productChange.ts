import { InputError } from '@backstage/errors';
import type { Classification } from '@datamesh/plugin-data-mesh-common';
import type { ColumnAnswer, OutputPortAnswer, ProductAnswers } from './answers';
import { schemaObject } from './buildOdcs';

/** A change to one output port, as the Evolve template's form states it. */
export interface PortChange {
  /** `none` is the form's "no port change". */
  action: 'none' | 'add' | 'change' | 'remove';
  name?: string;
  type?: string;
  address?: string;
  description?: string;
  columns?: ColumnAnswer[];
}

/** A change to one property of a port's schema object in the contract. */
export interface SchemaChange {
  /** The port (schema object) it is in. */
  port: string;
  action: 'add' | 'remove' | 'rename' | 'retype';
  property: string;
  newName?: string;
  logicalType?: string;
  description?: string;
  required?: boolean;
}

/** Everything the Evolve template can change in one go. */
export interface ProductChange {
  version: string;
  classification?: Classification;
  accessPolicy?: string;
  outputPort?: PortChange;
  schemaChanges?: SchemaChange[];
}

type Json = Record<string, any>;

function schemaObjects(contract: Json): Json[] {
  if (!Array.isArray(contract.schema)) {
    contract.schema = [];
  }
  return contract.schema;
}

function applyPortChange(
  answers: ProductAnswers,
  contract: Json,
  { name, ...change }: PortChange,
) {
  const field = 'outputPort';
  if (change.action === 'none') {
    return;
  }
  if (!name) {
    throw new InputError(`${field}.name: required to ${change.action} a port`);
  }
  const index = answers.outputPorts.findIndex(p => p.name === name);
  const objects = schemaObjects(contract);
  const objectIndex = objects.findIndex(o => o?.name === name);
  if (change.action === 'add') {
    if (index >= 0) {
      throw new InputError(
        `${field}.name: the product already has a port ${name}`,
      );
    }
    if (!change.type || !change.address || !change.columns?.length) {
      throw new InputError(
        `${field}: a new port needs a type, an address and at least one column`,
      );
    }
    const port: OutputPortAnswer = {
      name,
      type: change.type,
      address: change.address,
      description: change.description,
      columns: change.columns,
      contractId: String(contract.id),
    };
    answers.outputPorts.push(port);
    objects.push(schemaObject(port));
    return;
  }
  if (index < 0) {
    throw new InputError(
      `${field}.name: the product has no port ${name}; it has ${answers.outputPorts
        .map(p => p.name)
        .join(', ')}`,
    );
  }
  if (change.action === 'remove') {
    answers.outputPorts.splice(index, 1);
    if (objectIndex >= 0) {
      objects.splice(objectIndex, 1);
    }
    return;
  }
  const port = answers.outputPorts[index];
  port.type = change.type ?? port.type;
  port.address = change.address ?? port.address;
  port.description = change.description ?? port.description;
  if (objectIndex >= 0) {
    const updated = schemaObject({ ...port, columns: [] });
    objects[objectIndex] = {
      ...objects[objectIndex],
      physicalName: updated.physicalName,
      physicalType: updated.physicalType,
      ...(updated.description ? { description: updated.description } : {}),
    };
  }
}

function applySchemaChange(contract: Json, change: SchemaChange, i: number) {
  const field = `schemaChanges[${i}]`;
  const object = schemaObjects(contract).find(o => o?.name === change.port);
  if (!object) {
    throw new InputError(
      `${field}.port: the contract has no schema object ${change.port}`,
    );
  }
  const properties: Json[] = Array.isArray(object.properties)
    ? object.properties
    : (object.properties = []);
  const index = properties.findIndex(p => p?.name === change.property);
  if (change.action === 'add') {
    if (index >= 0) {
      throw new InputError(
        `${field}.property: ${change.port} already has ${change.property}`,
      );
    }
    if (!change.logicalType) {
      throw new InputError(
        `${field}.logicalType: required to add ${change.property}`,
      );
    }
    properties.push({
      name: change.property,
      logicalType: change.logicalType,
      ...(change.description ? { description: change.description } : {}),
      ...(change.required !== undefined ? { required: change.required } : {}),
    });
    return;
  }
  if (index < 0) {
    throw new InputError(
      `${field}.property: ${change.port} has no property ${change.property}`,
    );
  }
  if (change.action === 'remove') {
    properties.splice(index, 1);
  } else if (change.action === 'rename') {
    if (!change.newName) {
      throw new InputError(
        `${field}.newName: required to rename ${change.property}`,
      );
    }
    properties[index].name = change.newName;
  } else {
    if (!change.logicalType) {
      throw new InputError(
        `${field}.logicalType: required to change the type of ${change.property}`,
      );
    }
    properties[index].logicalType = change.logicalType;
  }
}

/**
 * Applies a change to a product's answers and to its contract document (changed in place,
 * so everything of the contract the change does not touch stays as its team wrote it).
 */
export function applyProductChange(
  answers: ProductAnswers,
  contract: Json,
  change: ProductChange,
): void {
  answers.version = change.version;
  contract.version = change.version;
  if (change.classification) {
    answers.classification = change.classification;
  }
  if (change.accessPolicy) {
    answers.accessPolicy = change.accessPolicy;
    // The contract states who approves access as a role, as the create action writes it.
    if (!Array.isArray(contract.roles)) {
      contract.roles = [
        {
          role: `${answers.name}-consumer`,
          access: 'read',
          firstLevelApprovers: answers.owner,
          description: change.accessPolicy,
        },
      ];
    }
  }
  if (change.outputPort) {
    applyPortChange(answers, contract, change.outputPort);
  }
  (change.schemaChanges ?? []).forEach((c, i) =>
    applySchemaChange(contract, c, i),
  );
}
