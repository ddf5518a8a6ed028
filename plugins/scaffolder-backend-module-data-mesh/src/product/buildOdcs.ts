import type { ColumnAnswer, OutputPortAnswer, ProductAnswers } from './answers';
import { contractIdOf } from './answers';
import { refForDescriptor } from './buildOdps';
import { slaFrequency } from './updateFrequency';

/** How a port's schema object is stored, in the words ODCS examples use, by port type. */
const PHYSICAL_TYPES: Record<string, string> = {
  'sql-view': 'view',
  table: 'table',
  api: 'api',
  stream: 'topic',
  file: 'file',
};

function defined<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && v !== ''),
  ) as T;
}

function property(column: ColumnAnswer) {
  return defined({
    name: column.name,
    logicalType: column.logicalType,
    description: column.description,
    required: column.required,
    classification: column.classification,
  });
}

/** The contract's schema object for one output port: same name, the port's columns. */
export function schemaObject(port: OutputPortAnswer) {
  return defined({
    name: port.name,
    physicalName: port.address,
    physicalType: PHYSICAL_TYPES[port.type] ?? port.type,
    description: port.description,
    properties: port.columns.map(property),
  });
}

/**
 * The ODCS v3.1.0 contract for the answers: one schema object per output port, the update
 * frequency as an SLA property, the owner and licence as the suite's custom properties, and
 * for a product with an access policy a role that says who approves access.
 */
export function buildOdcs(answers: ProductAnswers): Record<string, unknown> {
  const frequency = slaFrequency(answers.updateFrequency);
  return defined({
    apiVersion: 'v3.1.0',
    kind: 'DataContract',
    id: contractIdOf(answers.name),
    name: answers.title,
    version: answers.version,
    status: 'active',
    domain: refForDescriptor(answers.domain, 'domain'),
    dataProduct: answers.name,
    description: defined({
      purpose: answers.purpose,
      limitations: answers.limitations,
      usage: answers.usage,
    }),
    schema: answers.outputPorts.map(schemaObject),
    slaProperties: frequency ? [frequency] : undefined,
    roles: answers.accessPolicy
      ? [
          {
            role: `${answers.name}-consumer`,
            access: 'read',
            firstLevelApprovers: answers.owner,
            description: answers.accessPolicy,
          },
        ]
      : undefined,
    customProperties: [
      { property: 'owner', value: answers.owner },
      { property: 'license', value: answers.license },
    ],
  });
}
