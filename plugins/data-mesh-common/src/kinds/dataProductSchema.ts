import {
  CLASSIFICATIONS,
  DATA_PRODUCT_TYPES,
  OUTPUT_PORT_TYPES,
} from './constants';

const nonEmptyString = { type: 'string', minLength: 1 };
const looseObject = { type: 'object' };

/**
 * JSON Schema of `kind: DataProduct` (apiVersion datamesh/v1alpha1), in the shape Backstage's
 * own kind schemas take: the common Entity envelope plus the kind's spec.
 */
export const dataProductEntitySchema = {
  $schema: 'http://json-schema.org/draft-07/schema',
  $id: 'DataProductV1alpha1',
  description:
    'A data product: data, code, metadata and infrastructure owned by a domain team, consumed through its output ports.',
  allOf: [
    { $ref: 'Entity' },
    {
      type: 'object',
      required: ['spec'],
      properties: {
        apiVersion: { enum: ['datamesh/v1alpha1'] },
        kind: { enum: ['DataProduct'] },
        spec: {
          type: 'object',
          required: ['domain', 'owner', 'lifecycle'],
          properties: {
            domain: nonEmptyString,
            owner: nonEmptyString,
            lifecycle: nonEmptyString,
            type: { enum: [...DATA_PRODUCT_TYPES] },
            version: nonEmptyString,
            classification: { enum: [...CLASSIFICATIONS] },
            description: {
              type: 'object',
              properties: {
                purpose: { type: 'string' },
                limitations: { type: 'string' },
                usage: { type: 'string' },
              },
            },
            outputPorts: {
              type: 'array',
              items: {
                type: 'object',
                required: ['name', 'type'],
                properties: {
                  name: nonEmptyString,
                  type: { enum: [...OUTPUT_PORT_TYPES] },
                  originalType: { type: 'string' },
                  description: { type: 'string' },
                  address: { type: 'string' },
                  version: { type: 'string' },
                  contract: nonEmptyString,
                  contractId: { type: 'string' },
                  details: looseObject,
                },
              },
            },
            inputPorts: {
              type: 'array',
              items: {
                type: 'object',
                required: ['name'],
                properties: {
                  name: nonEmptyString,
                  description: { type: 'string' },
                  dataProduct: nonEmptyString,
                  source: { type: 'string' },
                  version: { type: 'string' },
                  contractId: { type: 'string' },
                  details: looseObject,
                },
              },
            },
            sla: {
              type: 'object',
              properties: {
                updateFrequency: { type: 'string' },
                freshness: { type: 'string' },
                availability: { type: 'string' },
                properties: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['property', 'value'],
                    properties: {
                      property: nonEmptyString,
                      value: { type: ['string', 'number', 'boolean'] },
                      unit: { type: 'string' },
                      description: { type: 'string' },
                    },
                  },
                },
              },
            },
            quality: { type: 'array', items: looseObject },
            usage: {
              type: 'object',
              properties: {
                license: { type: 'string' },
                restrictions: { type: 'string' },
                redistribution: { type: 'boolean' },
                terms: looseObject,
              },
            },
            support: {
              type: 'array',
              items: {
                type: 'object',
                required: ['channel'],
                properties: {
                  channel: nonEmptyString,
                  url: { type: 'string' },
                  tool: { type: 'string' },
                  scope: { type: 'string' },
                  description: { type: 'string' },
                },
              },
            },
            team: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  username: { type: 'string' },
                  name: { type: 'string' },
                  role: { type: 'string' },
                  description: { type: 'string' },
                },
              },
            },
            successor: nonEmptyString,
          },
        },
      },
    },
  ],
};

/**
 * JSON Schema of the data-mesh `Domain` (apiVersion datamesh/v1alpha1): the built-in Domain's
 * spec (owner, subdomainOf, type) with the data-mesh fields on top.
 */
export const dataMeshDomainEntitySchema = {
  $schema: 'http://json-schema.org/draft-07/schema',
  $id: 'DataMeshDomainV1alpha1',
  description:
    'A business domain of the data mesh: owns data products, names its data owner and steward, and may add governance policies of its own.',
  allOf: [
    { $ref: 'Entity' },
    {
      type: 'object',
      required: ['spec'],
      properties: {
        apiVersion: { enum: ['datamesh/v1alpha1'] },
        kind: { enum: ['Domain'] },
        spec: {
          type: 'object',
          required: ['owner'],
          properties: {
            owner: nonEmptyString,
            subdomainOf: nonEmptyString,
            type: nonEmptyString,
            dataOwner: nonEmptyString,
            steward: nonEmptyString,
            scope: { enum: ['private', 'shared'] },
            policies: { type: 'array', items: looseObject },
          },
        },
      },
    },
  ],
};
