import { writeFileSync } from 'fs';
import { stringify } from 'yaml';

/**
 * N generated DataProduct entities in one catalog file, spread over the demo's domains and
 * teams and over every facet the marketplace offers, so filters and counts do real work.
 */

const domains = [
  ['asset', 'asset-data-team'],
  ['brokerage', 'brokerage-data-team'],
  ['capital-markets', 'capital-markets-data-team'],
];
const types = ['source-aligned', 'aggregate', 'consumer-aligned'];
const classifications = ['public', 'internal', 'confidential', 'restricted'];
const lifecycles = ['production', 'production', 'experimental', 'deprecated'];
const portTypes = ['sql-view', 'table', 'api', 'stream', 'file'];
const topics = [
  'leases',
  'tenants',
  'ratings',
  'valuations',
  'occupancy',
  'rents',
  'forecasts',
  'exposure',
  'energy',
  'maintenance',
];

export function generatedProduct(i: number) {
  const [domain, team] = domains[i % domains.length];
  const topic = topics[i % topics.length];
  const other = topics[(i * 7 + 3) % topics.length];
  return {
    apiVersion: 'datamesh/v1alpha1',
    kind: 'DataProduct',
    metadata: {
      name: `generated-${topic}-${i}`,
      title: `Generated ${topic} ${i}`,
      description: `Generated ${topic} and ${other} of the Premium Offices portfolio, number ${i}.`,
      tags: [topic, other, `batch-${i % 20}`],
    },
    spec: {
      domain: `domain:default/${domain}`,
      owner: `group:default/${team}`,
      lifecycle: lifecycles[i % lifecycles.length],
      type: types[i % types.length],
      version: `1.${i % 10}.0`,
      classification: classifications[i % classifications.length],
      description: {
        purpose: `The ${topic} of our buildings, joined with ${other}, for reporting and risk.`,
      },
      outputPorts: [
        {
          name: `${topic}-${portTypes[i % portTypes.length]}`,
          type: portTypes[i % portTypes.length],
          address: `warehouse.generated_${i}.${topic}`,
        },
      ],
      sla: { updateFrequency: i % 2 ? 'daily' : 'hourly', freshness: '1d' },
    },
  };
}

/** Writes the products as one multi-document YAML file. */
export function writeGeneratedProducts(file: string, count: number) {
  const documents: string[] = [];
  for (let i = 0; i < count; i++) {
    documents.push(stringify(generatedProduct(i)));
  }
  writeFileSync(file, documents.join('---\n'));
}
