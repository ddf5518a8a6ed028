import { writeFileSync } from 'fs';
import { join } from 'path';
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

/** Products per file: a location of its own each, as repositories would be. */
const PRODUCTS_PER_FILE = 5_000;

/**
 * Writes the products as multi-document YAML files of at most PRODUCTS_PER_FILE each, in
 * `dir`; returns their paths. (One file of 100,000 entities, 72 MB, is more than the catalog
 * reads in one processing run.)
 */
export function writeGeneratedProducts(dir: string, count: number): string[] {
  const files: string[] = [];
  for (let start = 0; start < count; start += PRODUCTS_PER_FILE) {
    const documents: string[] = [];
    for (let i = start; i < Math.min(count, start + PRODUCTS_PER_FILE); i++) {
      documents.push(stringify(generatedProduct(i)));
    }
    const file = join(dir, `generated-products-${files.length}.yaml`);
    writeFileSync(file, documents.join('---\n'));
    files.push(file);
  }
  return files;
}
