import { z } from 'zod';
import { dispatch, patternString } from '../shapes';

/**
 * ODCS v2.2.1 and v2.2.2, written from the standard's v2 documentation and schemas. Every
 * object of v2 accepts fields it does not define (v2 contracts carry many tool-specific
 * ones), so only the fields it defines are checked. v2.2.2 fixed a few types of v2.2.1.
 */
export type V2SchemaVersion = '2.2.1' | '2.2.2';

const strings = () => z.array(z.string());

function authoritativeDefinitions() {
  return z.array(z.looseObject({ url: z.string(), type: z.string() }));
}

function column(version: V2SchemaVersion) {
  return z.looseObject({
    column: z.string(),
    // v2.2.1 typed isPrimaryKey as a string, v2.2.2 as the boolean it always meant.
    isPrimaryKey: (version === '2.2.1' ? z.string() : z.boolean()).optional(),
    primaryKeyPosition: z.int().optional(),
    businessName: z.string().optional(),
    logicalType: z.string(),
    physicalType: z.string(),
    description: z.string().optional(),
    isNullable: z.boolean().optional(),
    isUnique: z.boolean().optional(),
    partitionStatus: z.boolean().optional(),
    partitionKeyPosition: z.int().optional(),
    clusterStatus: z.boolean().optional(),
    clusterKeyPosition: z.int().optional(),
    classification: z.string().optional(),
    authoritativeDefinitions: authoritativeDefinitions().optional(),
    encryptedColumnName: z.string().optional(),
    transformSourceTables: strings().optional(),
    transformLogic: z.string().optional(),
    transformDescription: z.string().optional(),
    sampleValues: strings().optional(),
    criticalDataElementStatus: z.boolean().optional(),
    tags: strings().optional(),
  });
}

function qualityCheck() {
  return z.looseObject({
    code: z.string().optional(),
    templateName: z.string(),
    description: z.string().optional(),
    toolName: z.string(),
    toolRuleName: z.string().optional(),
    dimension: z.string().optional(),
    columns: z.string().optional(),
    column: z.string().optional(),
    type: z.string().optional(),
    severity: z.string().optional(),
    businessImpact: z.string().optional(),
    scheduleCronExpression: z.string().optional(),
    customProperties: z
      .array(
        z.looseObject({
          property: z.string().optional(),
          value: z.looseObject({}).optional(),
        }),
      )
      .optional(),
  });
}

function table(version: V2SchemaVersion) {
  return z.looseObject({
    table: z.string(),
    physicalName: z.string().optional(),
    priorTableName: z.string().optional(),
    // v2.2.1 described a table with a list of links; v2.2.2 with text.
    description: (version === '2.2.1' ? strings() : z.string()).optional(),
    authoritativeDefinitions: authoritativeDefinitions().optional(),
    dataGranularity: z.string().optional(),
    columns: z.array(column(version)).optional(),
    quality: z.array(qualityCheck()).optional(),
  });
}

function slaValue(version: V2SchemaVersion) {
  // v2.2.2 also accepts numbers (4 days, 3 years); v2.2.1 only strings.
  return version === '2.2.1'
    ? z.string()
    : dispatch(value => (typeof value === 'number' ? z.number() : z.string()));
}

export function v2ContractSchema(version: V2SchemaVersion): z.ZodType {
  const text = () => z.string().optional();
  return z.looseObject({
    version: z.string(),
    kind: z.enum(['DataContract']),
    apiVersion: patternString(/^v\d+\.\d+\.\d+/, 'a version such as v2.2.2'),
    uuid: z.string(),
    datasetKind: text(),
    userConsumptionMode: text(),
    type: z.string(),
    tenant: text(),
    tags: strings().optional(),
    status: z.string(),
    sourceSystem: text(),
    sourcePlatform: text(),
    server: text(),
    quantumName: z.string(),
    productSlackChannel: text(),
    productFeedbackUrl: text(),
    productDl: text(),
    username: text(),
    password: text(),
    driverVersion: text(),
    driver: text(),
    description: z
      .looseObject({ usage: text(), purpose: text(), limitations: text() })
      .optional(),
    project: text(),
    datasetName: z.string(),
    datasetDomain: text(),
    database: text(),
    dataset: z.array(table(version)),
    price: z
      .looseObject({
        priceAmount: (version === '2.2.1' ? z.string() : z.number()).optional(),
        priceCurrency: text(),
        priceUnit: text(),
      })
      .optional(),
    stakeholders: z
      .array(
        z.looseObject({
          username: text(),
          role: text(),
          dateIn: text(),
          dateOut: text(),
          replacedByUsername: text(),
        }),
      )
      .optional(),
    roles: z
      .array(
        z.looseObject({
          role: z.string(),
          access: z.string(),
          firstLevelApprovers: text(),
          secondLevelApprovers: text(),
        }),
      )
      .optional(),
    slaDefaultColumn: text(),
    slaProperties: z
      .array(
        z.looseObject({
          property: z.string(),
          value: slaValue(version),
          valueExt: slaValue(version).optional(),
          unit: text(),
          column: text(),
          driver: text(),
        }),
      )
      .optional(),
  });
}
