import { readCorpusFile } from '../../testUtils/corpus';
import { assertValidEntities } from '../../testUtils/entities';
import { parseDescriptor } from '../parse';
import { readDescriptor } from '../readDescriptor';
import { dpdsFormat } from '.';

const TRIP_EXECUTION =
  'dpds/odm-specification-dpdescriptor__examples__tripexecution__data-product-descriptor.json';
const TRIP_EVENTS =
  'dpds/odm-specification-dpdescriptor__examples__tripexecution__ports__trip-events-oport.json';
const BASE =
  'https://github.com/opendatamesh-initiative/odm-specification-dpdescriptor/blob/main/examples/tripexecution';
const SOURCE = `url:${BASE}/data-product-descriptor.json`;

function convert(file: string) {
  const rawText = readCorpusFile(file);
  const document = parseDescriptor(rawText);
  expect(dpdsFormat.validate(document).valid).toBe(true);
  return dpdsFormat.convert(document, { rawText, sourceLocation: SOURCE });
}

describe('DPDS conversion, field by field', () => {
  it('converts the tripExecution descriptor, keeping $ref ports as references', async () => {
    const { entities, warnings } = convert(TRIP_EXECUTION);
    expect(warnings).toEqual([]);
    expect(entities).toHaveLength(1);
    await assertValidEntities(entities);
    const [entity] = entities;

    expect(entity.apiVersion).toBe('datamesh/v1alpha1');
    expect(entity.kind).toBe('DataProduct');
    expect(entity.metadata).toEqual({
      name: 'tripexecution',
      title: 'tripExecution',
      annotations: {
        'datamesh/descriptor-standard': 'dpds',
        'datamesh/descriptor-version': '1.0.0',
        'datamesh/descriptor-id':
          'urn:dpds:com.company-xyz:dataproducts:tripExecution:1',
        'backstage.io/source-location': SOURCE,
      },
    });
    expect(entity.spec).toEqual({
      domain: 'domain:default/transport-management',
      owner: 'group:default/john.doe-company-xyz.com',
      lifecycle: 'production',
      version: '1.2.3',
      outputPorts: [
        {
          name: 'trip-status-oport',
          type: 'other',
          description:
            'This port exposes the last known status of each trip operated in the last 12 months',
          address: `${BASE}/ports/trip-status-oport.json`,
          details: { $ref: 'ports/trip-status-oport.json' },
        },
        {
          name: 'trip-events-oport',
          type: 'other',
          description:
            'This port expose all modifications in the status of each trip as events',
          address: `${BASE}/ports/trip-events-oport.json`,
          details: { $ref: 'ports/trip-events-oport.json' },
        },
        {
          name: 'health-obport',
          type: 'other',
          description: 'This port exposes data product health metrics',
          address: `${BASE}/ports/health-obport.json`,
          details: {
            portKind: 'observability',
            $ref: 'ports/health-obport.json',
          },
        },
      ],
      inputPorts: [
        {
          name: 'trip-tms-iport',
          description: 'Through this port trip data is ingested from TMS',
          details: { $ref: 'ports/trip-tms-iport.json' },
        },
      ],
      team: [
        {
          username: 'john.doe@company-xyz.com',
          name: 'John Doe',
          role: 'owner',
        },
      ],
    });
  });

  it('converts an inline output port with its promises', async () => {
    const { entities } = convert(TRIP_EVENTS);
    await assertValidEntities(entities);
    const spec = entities[0].spec as any;
    expect(spec.outputPorts).toHaveLength(1);
    const [port] = spec.outputPorts;
    expect(port).toMatchObject({
      name: 'tripEvents',
      type: 'stream',
      originalType: 'streaming-services',
      description:
        'This port exposes a *stream of events* related to the `Trip` entity',
      version: '1.2.0',
      // The API definition's reference, resolved against the descriptor's URL.
      address: `${BASE}/trip-events-oport-api.json`,
    });
    expect(port.details.fullyQualifiedName).toBe(
      'urn:dpds:com.company-xyz:dataproducts:tripExecution:1:outputports:tripEvents',
    );
    expect(port.details.displayName).toBe('Trip Events');
    expect(port.details.promises).toMatchObject({
      platform: 'westeurope.azure:confluent',
      api: { name: 'tripEventsApi', specification: 'asyncapi' },
      slo: { name: 'slo' },
    });
    // SLOs are objectives, not agreements: they stay in the port, not in spec.sla.
    expect(spec.sla).toBeUndefined();
  });

  it('keeps a relative address as written when the source is not a URL', () => {
    const rawText = readCorpusFile(TRIP_EXECUTION);
    const { entities } = dpdsFormat.convert(parseDescriptor(rawText), {
      rawText,
      sourceLocation: 'file:/repos/trip/data-product-descriptor.json',
    });
    expect((entities[0].spec as any).outputPorts[0].address).toBe(
      'ports/trip-status-oport.json',
    );
  });
});

describe('DPDS conversion of promises, expectations and obligations', () => {
  const descriptor = {
    dataProductDescriptor: '1.0.0',
    info: {
      fullyQualifiedName:
        'urn:dpds:premium-offices:dataproducts:entityRatings:1',
      name: 'entityRatings',
      displayName: 'Entity ratings',
      description: 'Historical credit ratings of tenant entities.',
      version: '1.4.0',
      domain: 'domain:default/brokerage',
      owner: {
        id: 'group:default/brokerage-data',
        name: 'Brokerage data team',
      },
      contactPoints: [
        {
          name: 'Ratings team',
          channel: 'email',
          address: 'mailto:ratings@example.com',
        },
      ],
    },
    interfaceComponents: {
      inputPorts: [
        {
          name: 'tenants',
          version: '2.0.0',
          fullyQualifiedName:
            'urn:dpds:premium-offices:dataproducts:tenancyAnalytics:2:outputports:tenants',
        },
      ],
      outputPorts: [
        { $ref: '#/components/outputPorts/ratings' },
        {
          name: 'ratings-feed',
          version: '1.0.0',
          promises: { servicesType: 'rest-services' },
        },
      ],
      controlPorts: [
        {
          name: 'refresh',
          version: '1.0.0',
          promises: { servicesType: 'rest-services' },
        },
      ],
    },
    components: {
      outputPorts: {
        ratings: {
          name: 'ratings',
          version: '1.4.0',
          promises: {
            platform: 'aws:redshift',
            servicesType: 'datastore-services',
          },
          expectations: {
            usage: {
              name: 'usage',
              version: '1.0.0',
              specification: 'custom',
              description: 'Internal use only; no redistribution.',
              definition: {},
            },
          },
          contracts: {
            termsAndConditions: {
              name: 'terms',
              version: '1.0.0',
              specification: 'custom',
              definition: { 'x-licence': 'provider internal-use' },
              externalDocs: { $href: 'https://wiki.example.com/ratings-terms' },
            },
            sla: {
              name: 'sla',
              version: '1.0.0',
              specification: 'custom',
              definition: {
                'x-operationalSla': { availability: '0.995' },
                'x-qualitySla': { freshness: '1d' },
              },
            },
          },
        },
      },
    },
    tags: ['credit risk', 'ratings'],
    externalDocs: { $href: 'https://wiki.example.com/ratings' },
  };

  it('accepts a 1.0.0-DRAFT descriptor by the 1.0.0 rules, with a warning', () => {
    const result = dpdsFormat.validate({
      ...descriptor,
      dataProductDescriptor: '1.0.0-DRAFT',
    });
    expect(result).toMatchObject({
      valid: true,
      declaredVersion: '1.0.0-DRAFT',
      validatedAs: '1.0.0',
      errors: [],
    });
    expect(result.warnings).toEqual([
      {
        path: 'dataProductDescriptor',
        message:
          'version 1.0.0-DRAFT is a pre-release of 1.0.0; checked by the rules of 1.0.0, update dataProductDescriptor to 1.0.0',
      },
    ]);
  });

  it('turns them into ports, SLA, usage, support and links', async () => {
    expect(dpdsFormat.validate(descriptor).errors).toEqual([]);
    const { entities, warnings } = dpdsFormat.convert(descriptor, {
      rawText: '',
    });
    expect(warnings).toEqual([]);
    await assertValidEntities(entities);
    const [entity] = entities;
    const spec = entity.spec as any;

    expect(entity.metadata).toMatchObject({
      name: 'entityratings',
      title: 'Entity ratings',
      description: 'Historical credit ratings of tenant entities.',
      tags: ['credit-risk', 'ratings'],
      links: [
        { url: 'https://wiki.example.com/ratings', title: 'Documentation' },
        {
          url: 'https://wiki.example.com/ratings-terms',
          title: 'ratings: terms and conditions',
        },
      ],
    });
    // Refs already written as entity refs are kept.
    expect(spec.domain).toBe('domain:default/brokerage');
    expect(spec.owner).toBe('group:default/brokerage-data');
    expect(spec.description).toEqual({
      purpose: 'Historical credit ratings of tenant entities.',
    });

    expect(spec.outputPorts.map((p: any) => [p.name, p.type])).toEqual([
      ['ratings', 'table'],
      ['ratings-feed', 'api'],
      ['refresh', 'api'],
    ]);
    expect(spec.outputPorts[0].details.$ref).toBe(
      '#/components/outputPorts/ratings',
    );
    expect(spec.outputPorts[2].details.portKind).toBe('control');
    expect(spec.inputPorts).toEqual([
      {
        name: 'tenants',
        version: '2.0.0',
        dataProduct: 'dataproduct:default/tenancyanalytics',
        details: {
          fullyQualifiedName:
            'urn:dpds:premium-offices:dataproducts:tenancyAnalytics:2:outputports:tenants',
        },
      },
    ]);

    expect(spec.sla).toEqual({
      availability: '0.995',
      freshness: '1d',
      properties: [
        {
          property: 'availability',
          value: '0.995',
          description: 'output port ratings (operationalSla)',
        },
        {
          property: 'freshness',
          value: '1d',
          description: 'output port ratings (qualitySla)',
        },
      ],
    });
    expect(spec.usage).toEqual({
      restrictions: 'ratings: Internal use only; no redistribution.',
      terms: {
        ratings: {
          termsAndConditions:
            descriptor.components.outputPorts.ratings.contracts
              .termsAndConditions,
        },
      },
    });
    expect(spec.support).toEqual([
      {
        channel: 'Ratings team',
        tool: 'email',
        url: 'mailto:ratings@example.com',
      },
    ]);
    expect(spec.team).toEqual([
      {
        username: 'group:default/brokerage-data',
        name: 'Brokerage data team',
        role: 'owner',
      },
    ]);
  });

  it('falls back to the location defaults, then to unknown with warnings', () => {
    const unnamed = {
      ...descriptor,
      info: { ...descriptor.info, domain: '***', owner: { id: '!!!' } },
    };
    const withDefaults = dpdsFormat.convert(unnamed, {
      rawText: '',
      defaultOwner: 'group:default/platform',
      defaultDomain: 'brokerage',
    });
    expect(withDefaults.entities[0].spec).toMatchObject({
      owner: 'group:default/platform',
      domain: 'domain:default/brokerage',
    });
    expect(withDefaults.warnings.map(w => w.path)).toEqual([
      'info.domain',
      'info.owner.id',
    ]);

    const without = dpdsFormat.convert(unnamed, { rawText: '' });
    expect(without.entities[0].spec).toMatchObject({
      owner: 'unknown',
      domain: 'unknown',
    });
    expect(without.warnings.map(w => w.message)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('the owner is set to "unknown"'),
        expect.stringContaining('the domain is set to "unknown"'),
      ]),
    );
  });

  it('goes end to end through readDescriptor', () => {
    const result = readDescriptor(readCorpusFile(TRIP_EXECUTION), {
      sourceLocation: SOURCE,
    });
    expect(result.detected).toEqual({
      standard: 'dpds',
      declaredVersion: '1.0.0',
    });
    expect(result.errors).toEqual([]);
    expect(result.entities.map(e => e.metadata.name)).toEqual([
      'tripexecution',
    ]);
  });
});
