import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { readFileSync } from 'fs';
import { resolve } from 'path';
import { createDescriptorEntityDataParser } from './descriptorEntityDataParser';

const location = { type: 'file', target: '/repo/descriptor.yaml' };
const parse = createDescriptorEntityDataParser({ maxBytes: 1024 * 1024 });

async function collect(text: string, parser = parse) {
  const results: CatalogProcessorResult[] = [];
  for await (const result of parser({ data: Buffer.from(text), location })) {
    results.push(result);
  }
  return results;
}

const demo = (path: string) =>
  readFileSync(resolve(__dirname, '../../../catalog-info', path), 'utf8');

describe('createDescriptorEntityDataParser', () => {
  it('parses ordinary catalog files as the catalog always does', async () => {
    const results = await collect(demo('org.yaml'));
    expect(results.length).toBeGreaterThan(5);
    expect(results.every(r => r.type === 'entity')).toBe(true);
  });

  it('turns a descriptor into the entities derived from it', async () => {
    const results = await collect(
      demo('brokerage/tenancy-analytics.odcs.yaml'),
    );
    expect(results).toMatchObject([
      {
        type: 'entity',
        entity: {
          kind: 'API',
          metadata: {
            annotations: {
              'backstage.io/source-location': 'file:/repo/descriptor.yaml',
              'datamesh/descriptor-standard': 'odcs',
            },
          },
        },
      },
    ]);
  });

  it('reports a bad descriptor as an input error naming the field', async () => {
    const results = await collect(
      'dataContractSpecification: 1.2.0\nid: x\ninfo:\n  title: X\n',
    );
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({
      type: 'error',
      error: {
        name: 'InputError',
        message: expect.stringMatching(
          /^Invalid DCS 1\.2\.0 descriptor at \/repo\/descriptor\.yaml: .*info\.version/,
        ),
      },
    });
  });

  it('refuses descriptors over the size limit', async () => {
    const small = createDescriptorEntityDataParser({ maxBytes: 100 });
    const results = await collect(
      demo('brokerage/tenancy-analytics.odcs.yaml'),
      small,
    );
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({
      type: 'error',
      error: {
        message: expect.stringContaining('more than the 100 bytes allowed'),
      },
    });
  });

  it('bounds YAML aliases ("billion laughs")', async () => {
    const laughs = [
      'dataContractSpecification: 1.2.0',
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      ...'bcdefghi'.split('').map((name, i) => {
        const previous = 'abcdefgh'[i];
        return `${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`;
      }),
    ].join('\n');
    const results = await collect(laughs);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({
      type: 'error',
      error: { message: expect.stringMatching(/alias/i) },
    });
  });

  it("keeps the suite's own DataProduct kind an ordinary entity", async () => {
    const results = await collect(
      [
        'apiVersion: datamesh/v1alpha1',
        'kind: DataProduct',
        'metadata:',
        '  name: x',
        'spec:',
        '  domain: d',
        '  owner: o',
        '  lifecycle: production',
      ].join('\n'),
    );
    expect(results).toMatchObject([
      { type: 'entity', entity: { kind: 'DataProduct' } },
    ]);
  });
});
