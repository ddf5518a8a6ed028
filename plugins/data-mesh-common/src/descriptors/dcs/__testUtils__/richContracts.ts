import { DCS_VERSIONS, DcsVersion, since, until } from '../features';

/*
 * Contracts of our own that use every part of the specification a version defines: every
 * server type, quality check type, definitions, nesting, service levels and the 0.9.x
 * blocks. Tests mutate them field by field and compare our verdict with the official
 * schema's, which reaches far more of the rules than the corpus's examples do.
 */

function servers(version: DcsVersion): Record<string, unknown> {
  const file = since(version, '0.9.3')
    ? { format: 'parquet', delimiter: 'new_line' }
    : {};
  const list: Record<string, unknown> = {
    bq: { type: 'bigquery', project: 'premium-offices', dataset: 'brokerage' },
    lake: { type: 's3', location: 's3://po-lake/leases/*.parquet', ...file },
    warehouse: {
      type: 'snowflake',
      account: 'po',
      database: 'BROKERAGE',
      schema: 'LEASES',
    },
    redshift: {
      type: 'redshift',
      account: '123',
      database: 'brokerage',
      schema: 'public',
    },
    stream: { type: 'kafka', host: 'kafka:9092', topic: 'leases' },
    databricks: until(version, '0.9.1')
      ? { type: 'databricks', share: 'leases' }
      : {
          type: 'databricks',
          host: 'dbc.example.com',
          catalog: 'po',
          schema: 'leases',
        },
  };
  if (since(version, '0.9.2')) {
    Object.assign(list, {
      pg: {
        type: 'postgres',
        host: 'db',
        port: 5432,
        database: 'po',
        schema: 'leases',
      },
      topic: { type: 'pubsub', project: 'po', topic: 'leases' },
      file: { type: 'local', path: './leases.csv', format: 'csv' },
    });
  }
  if (since(version, '0.9.3')) {
    Object.assign(list, {
      sftp: {
        type: 'sftp',
        location: 'sftp://files.example.com/leases',
        ...file,
      },
      blob: {
        type: 'azure',
        location: 'abfss://po@lake.dfs.core.windows.net/leases',
        format: 'delta',
      },
      mssql: {
        type: 'sqlserver',
        host: 'mssql',
        port: 1433,
        database: 'po',
        schema: 'dbo',
      },
      frame: { type: 'dataframe' },
      glue: { type: 'glue', account: '123', database: 'po', format: 'parquet' },
      oracle: { type: 'oracle', host: 'ora', port: 1521, serviceName: 'PO' },
      kinesis: { type: 'kinesis', stream: 'leases', region: 'eu-west-1' },
      trino: {
        type: 'trino',
        host: 'trino',
        port: 8080,
        catalog: 'hive',
        schema: 'leases',
      },
    });
  }
  if (version === '0.9.3') {
    list.gcs = { type: 'gcs', location: 'gs://po/leases/*.json', ...file };
  }
  if (since(version, '1.1.0')) {
    list.lake = {
      ...(list.lake as object),
      environment: 'prod',
      description: 'The lake',
      roles: [{ name: 'analyst', description: 'reads' }],
    };
  }
  if (since(version, '1.2.0')) {
    list.clickhouse = {
      type: 'clickhouse',
      host: 'ch',
      port: 9000,
      database: 'po',
    };
    list.custom = { type: 'custom-store' };
  }
  return list;
}

function qualityChecks(version: DcsVersion): unknown[] {
  const library = since(version, '1.2.1')
    ? {
        type: 'library',
        metric: 'nullValues',
        arguments: { columns: ['lei'] },
        mustBeLessThan: 10,
        mustBeBetween: [0, 10],
      }
    : {
        type: 'library',
        rule: 'nullValues',
        mustBeLessThan: 10,
        mustBeBetween: [0, 10],
      };
  return [
    {
      type: 'text',
      description: 'LEI is missing for entities the ERP does not know.',
    },
    {
      type: 'sql',
      query: 'SELECT count(*) FROM leases',
      dialect: 'postgres',
      mustBeGreaterThan: 100,
      mustBeBetween: [1, 5000],
    },
    library,
    {
      type: 'custom',
      engine: 'soda',
      implementation: { checks: ['row_count > 0'] },
    },
  ];
}

/** A contract using every part of `version`, as a plain object. */
export function richContract(version: DcsVersion): Record<string, unknown> {
  const leaseField = (extra: Record<string, unknown> = {}) => ({
    type: 'text',
    description: 'The lease identifier.',
    pii: false,
    classification: 'internal',
    tags: ['lease'],
    ...extra,
  });
  const fields: Record<string, unknown> = {
    lease_id: leaseField(
      since(version, '0.9.2')
        ? {
            required: true,
            unique: true,
            primary: true,
            minLength: 3,
            maxLength: 20,
            pattern: '^L-',
            format: 'uuid',
            example: 'L-001',
            enum: ['L-001', 'L-002'],
          }
        : {},
    ),
    rent: {
      type: 'decimal',
      ...(since(version, '0.9.2') ? { minimum: 0, maximum: 1e9 } : {}),
    },
    start_date: { type: 'date' },
  };
  if (since(version, '0.9.3')) {
    Object.assign(fields, {
      tenant: {
        type: 'object',
        title: 'Tenant',
        references: 'tenants.lei',
        links: { register: 'https://www.gleif.org' },
        config: { avroType: 'record', custom: 1 },
        precision: 10,
        scale: 2,
        fields: {
          lei: { $ref: '#/definitions/lei' },
          names: { type: 'array', items: { type: 'string' } },
          ratings: {
            type: 'map',
            keys: { type: 'string' },
            values: { type: 'int' },
          },
        },
      },
    });
  }
  if (since(version, '1.1.0')) {
    Object.assign(fields, {
      signed_at: {
        type: 'timestamp',
        primaryKey: false,
        examples: ['2024-01-01T00:00:00Z'],
        quality: qualityChecks(version),
        lineage: {
          inputFields: [
            {
              namespace: 'erp',
              name: 'leases',
              field: 'signed',
              transformations: [
                { type: 'DIRECT', subtype: 'IDENTITY', masking: false },
              ],
            },
          ],
        },
      },
    });
  }
  if (since(version, '1.2.0')) {
    Object.assign(fields, {
      opens: { type: 'time' },
      extra: { type: 'variant' },
    });
  }

  const contract: Record<string, unknown> = {
    dataContractSpecification: version,
    id: 'urn:po:tenancy-leases',
    info: {
      title: 'Tenancy leases',
      version: '1.0.0',
      description: 'Leases of Premium Offices buildings.',
      owner: 'Brokerage',
      contact: {
        name: 'Brokerage data team',
        url: 'https://po.example.com',
        email: 'data@po.example.com',
      },
      ...(since(version, '0.9.3') ? { status: 'active' } : {}),
      ...(version === '0.9.0'
        ? { dataProduct: 'tenancy-analytics', outputPort: 'leases' }
        : {}),
    },
    servers: servers(version),
    terms: {
      usage: 'Internal analytics.',
      limitations: 'Not for marketing.',
      billing: 'free',
      noticePeriod: 'P3M',
      ...(since(version, '1.1.0')
        ? {
            policies: [
              {
                type: 'licence',
                description: 'internal use',
                url: 'https://po.example.com/licence',
              },
            ],
          }
        : {}),
    },
  };
  if (since(version, '0.9.1')) {
    contract.models = {
      leases: {
        description: 'One row per lease.',
        type: 'table',
        fields,
        ...(since(version, '0.9.3')
          ? { title: 'Leases', config: { avroNamespace: 'po' } }
          : {}),
        ...(since(version, '1.1.0')
          ? {
              primaryKey: ['lease_id'],
              quality: qualityChecks(version),
              examples: ['lease_id\nL-001'],
            }
          : {}),
        ...(since(version, '1.2.0') ? { additionalFields: false } : {}),
      },
    };
  }
  if (since(version, '0.9.2')) {
    contract.definitions = {
      lei: {
        name: 'lei',
        domain: 'entities',
        title: 'Legal Entity Identifier',
        type: 'text',
        minLength: 20,
        maxLength: 20,
        pattern: '^[A-Z0-9]{20}$',
        example: '5493001KJTIIGC8Y1R12',
        pii: false,
        classification: 'public',
        tags: ['lei'],
        ...(since(version, '0.9.3')
          ? {
              precision: 20,
              scale: 0,
              minimum: 0,
              links: { gleif: 'https://www.gleif.org' },
            }
          : {}),
        ...(since(version, '1.1.0')
          ? { examples: ['5493001KJTIIGC8Y1R12'] }
          : {}),
      },
    };
  }
  if (since(version, '0.9.3')) {
    contract.servicelevels = {
      availability: { description: 'Business hours', percentage: '99.5%' },
      retention: {
        period: 'P10Y',
        unlimited: false,
        timestampField: 'leases.start_date',
      },
      latency: {
        threshold: '25h',
        sourceTimestampField: 'leases.signed_at',
        processedTimestampField: 'leases.loaded_at',
      },
      freshness: { threshold: '1d', timestampField: 'leases.signed_at' },
      frequency: { type: 'batch', interval: 'daily', cron: '0 2 * * *' },
      support: { time: 'business hours', responseTime: '4h' },
      backup: {
        interval: 'weekly',
        cron: '0 0 * * 0',
        recoveryTime: '24h',
        recoveryPoint: '1 week',
      },
    };
    contract.links = { catalog: 'https://po.example.com/catalog' };
    contract.tags = ['brokerage', 'leases'];
  }
  if (until(version, '0.9.3')) {
    contract.schema = { type: 'dbt', specification: { version: 2 } };
    contract.examples = [
      { type: 'csv', model: 'leases', data: 'lease_id\nL-001' },
    ];
    contract.quality = {
      type: 'SodaCL',
      specification: { 'checks for leases': ['row_count > 0'] },
    };
  }
  return contract;
}

export const RICH_VERSIONS: readonly DcsVersion[] = DCS_VERSIONS;
