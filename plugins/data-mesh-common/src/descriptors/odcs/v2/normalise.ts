import { isRecord } from '../shapes';

type Json = Record<string, unknown>;

/**
 * Rewrites an ODCS v2 contract in the shape of v3, for the converter: `dataset` tables become
 * `schema` objects and their `columns` become `properties`, `uuid` becomes `id`, the quantum
 * (v2's data product) becomes `dataProduct`, stakeholders become the team, the product's
 * mailing list, Slack channel and feedback address become support channels, and the
 * connection fields become one server. Credentials (username, password) are left out.
 * What v3 has no place for stays in the original document, kept as the entity's definition.
 */
export function normaliseV2(document: Json, version: string): Json {
  const list = (value: unknown): Json[] =>
    Array.isArray(value) ? value.filter(isRecord) : [];
  const defined = (value: Json): Json =>
    Object.fromEntries(
      Object.entries(value).filter(([, v]) => v !== undefined && v !== null),
    );

  const property = (column: Json): Json =>
    defined({
      name: column.column,
      businessName: column.businessName,
      logicalType: column.logicalType,
      physicalType: column.physicalType,
      description: column.description,
      primaryKey:
        typeof column.isPrimaryKey === 'string'
          ? column.isPrimaryKey === 'true'
          : column.isPrimaryKey,
      // v2 says whether a column may be null; v3 whether it is required.
      required:
        typeof column.isNullable === 'boolean' ? !column.isNullable : undefined,
      unique: column.isUnique,
      classification: column.classification,
      criticalDataElement: column.criticalDataElementStatus,
      tags: column.tags,
      examples: column.sampleValues,
      quality: column.quality,
    });

  const object = (table: Json): Json =>
    defined({
      name: table.table,
      physicalName: table.physicalName,
      description: Array.isArray(table.description)
        ? table.description.join('\n')
        : table.description,
      dataGranularityDescription: table.dataGranularity,
      properties: list(table.columns).map(property),
      quality: table.quality,
    });

  const support: Array<Json | undefined> = [
    document.productSlackChannel !== undefined
      ? { channel: document.productSlackChannel, tool: 'slack' }
      : undefined,
    typeof document.productDl === 'string'
      ? {
          channel: document.productDl,
          tool: 'email',
          url: `mailto:${document.productDl}`,
        }
      : undefined,
    document.productFeedbackUrl !== undefined
      ? { channel: 'feedback', url: document.productFeedbackUrl }
      : undefined,
  ];
  const channels = support.filter(
    (channel): channel is Json => channel !== undefined,
  );

  const connection = defined({
    server: document.server,
    type: document.sourceSystem,
    platform: document.sourcePlatform,
    database: document.database,
    project: document.project ?? document.datasetProject,
    dataset: document.datasetName,
    driver: document.driver,
    driverVersion: document.driverVersion,
  });

  return defined({
    apiVersion: version,
    kind: document.kind,
    id: document.uuid,
    version: document.version,
    status: document.status,
    name: document.datasetName,
    dataProduct: document.quantumName,
    domain: document.datasetDomain,
    tenant: document.tenant,
    tags: document.tags,
    description: document.description,
    schema: list(document.dataset).map(object),
    servers: Object.keys(connection).length > 0 ? [connection] : undefined,
    support: channels.length > 0 ? channels : undefined,
    price: document.price,
    team: document.stakeholders,
    roles: document.roles,
    slaDefaultElement: document.slaDefaultColumn,
    slaProperties: list(document.slaProperties).map(sla =>
      defined({ ...sla, element: sla.column, column: undefined }),
    ),
  });
}
