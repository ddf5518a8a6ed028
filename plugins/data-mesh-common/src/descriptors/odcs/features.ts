/**
 * What changes between the ODCS v3 versions the suite knows, read from the standard's
 * published schemas and changelog. The zod schemas in this folder are one shared base that
 * asks these flags where the versions differ, so each difference is named once.
 */

export const ODCS_VERSIONS = [
  '3.0.0',
  '3.0.1',
  '3.0.2',
  '3.1.0',
  '3.2.0',
] as const;
export type OdcsVersion = (typeof ODCS_VERSIONS)[number];

export interface OdcsFeatures {
  version: OdcsVersion;
  /**
   * The apiVersion values the version accepts. Each official schema also accepts the older
   * values, which is what lets a document that declares v3.0.2 pass the v3.1.0 rules. (The
   * official schemas also list v2.2.x; the suite routes v2 documents elsewhere, so they are
   * left out.)
   */
  apiVersions: string[];
  /** `status` is required until v3.1.0; v3.2.0 makes it optional. */
  statusRequired: boolean;
  /**
   * From v3.1.0, the parts of a contract (servers, quality checks, support channels, team,
   * roles, SLA properties, custom properties, pricing, authoritative definitions) accept only
   * the fields they define. Before, only the root, schema objects and schema properties did.
   */
  closedParts: boolean;
  /** v3.1.0 adds a stable `id` (letters, digits, `_`, `-`) to most parts. */
  stableIds: boolean;
  /** v3.0.1 adds `authoritativeDefinitions` at the root and in `description`. */
  rootDefinitions: boolean;
  /** v3.0.1 adds `customProperties` to `description` and to roles. */
  descriptionCustomProperties: boolean;
  /** v3.0.2 adds `physicalName` to schema properties. */
  propertyPhysicalName: boolean;
  /** v3.0.2 adds `name` and `description` to team members. */
  teamMemberNames: boolean;
  /**
   * v3.1.0 makes `team` an object with `members` (the v3.0 list of members stays accepted,
   * deprecated); members then need a `username`.
   */
  teamObject: boolean;
  /**
   * Which staging field an Athena server must name: v3.0.0/v3.0.1 require `staging_dir` (a
   * slip in their schema, which defines `stagingDir`), v3.0.2/v3.1.0 `stagingDir`, v3.2.0
   * neither.
   */
  athenaStagingDir: 'staging_dir' | 'stagingDir' | 'optional';
  /**
   * v3.0.x restricts the file `format` and `delimiter` of azure, s3 and sftp servers to a
   * list.
   */
  serverFileFormatEnums: boolean;
  /** v3.0.x types a DuckDB server's `schema` as an integer (a slip fixed in v3.1.0). */
  duckdbSchemaInteger: boolean;
  /** v3.1.0 adds the hive, impala and zen server types, and `stream` to custom servers. */
  newServerTypes310: boolean;
  /** v3.2.0 adds `workgroup` to Athena servers. */
  athenaWorkgroup: boolean;
  /** v3.1.0 adds timestamp and time, v3.2.0 map. */
  logicalTypes: string[];
  /**
   * v3.0.x: `exclusiveMinimum`/`exclusiveMaximum` of a logical type's options are booleans
   * that qualify `minimum`/`maximum`; from v3.1.0 they are bounds of their own.
   */
  exclusiveBoundsAreFlags: boolean;
  /**
   * v3.0.x: a library quality check (`type: library`, the default) names a `rule`. From
   * v3.1.0 it names a `metric` and exactly one operator (`mustBe`, ...); SQL checks also take
   * exactly one operator, and a check accepts only the fields of its type.
   */
  qualityMetrics: boolean;
  /**
   * Before v3.1.0 the items of an array may nest `properties` whatever their logical type;
   * from v3.1.0 only when they are objects (or have no logical type), like any property.
   */
  itemPropertiesOnlyForObjects: boolean;
  /** v3.1.0 adds foreign-key `relationships` to schema objects and properties. */
  relationships: boolean;
  /** v3.2.0 lets a shorthand reference have more than one dot (`schema.table.column`). */
  multiDotReferences: boolean;
  /**
   * v3.2.0 adds `context` (instructions and verified statements for AI agents) at the root
   * and on schema objects.
   */
  context: boolean;
  /** v3.2.0 adds `synonyms` to schema objects and properties. */
  synonyms: boolean;
  /** v3.2.0 adds `semanticType` (column, measure, dimension) to properties. */
  semanticType: boolean;
  /** v3.2.0 adds `enum` (allowed values with labels) to properties. */
  enums: boolean;
  /** v3.2.0 adds the `map` logical type, described by a `map` block with `key` and `value`. */
  maps: boolean;
}

const ORDER = new Map<string, number>(ODCS_VERSIONS.map((v, i) => [v, i]));

/** True when `version` is `first` or newer. */
export function since(version: OdcsVersion, first: OdcsVersion): boolean {
  return ORDER.get(version)! >= ORDER.get(first)!;
}

export function featuresOf(version: OdcsVersion): OdcsFeatures {
  const at = (first: OdcsVersion) => since(version, first);
  const logicalTypes = ['string', 'date'];
  if (at('3.1.0')) {
    logicalTypes.push('timestamp', 'time');
  }
  logicalTypes.push('number', 'integer', 'object', 'array', 'boolean');
  if (at('3.2.0')) {
    logicalTypes.push('map');
  }
  let athenaStagingDir: OdcsFeatures['athenaStagingDir'] = 'staging_dir';
  if (at('3.0.2')) {
    athenaStagingDir = 'stagingDir';
  }
  if (at('3.2.0')) {
    athenaStagingDir = 'optional';
  }
  return {
    version,
    apiVersions: ODCS_VERSIONS.filter(v => at(v)).map(v => `v${v}`),
    statusRequired: !at('3.2.0'),
    closedParts: at('3.1.0'),
    stableIds: at('3.1.0'),
    rootDefinitions: at('3.0.1'),
    descriptionCustomProperties: at('3.0.1'),
    propertyPhysicalName: at('3.0.2'),
    teamMemberNames: at('3.0.2'),
    teamObject: at('3.1.0'),
    athenaStagingDir,
    serverFileFormatEnums: !at('3.1.0'),
    duckdbSchemaInteger: !at('3.1.0'),
    newServerTypes310: at('3.1.0'),
    athenaWorkgroup: at('3.2.0'),
    logicalTypes,
    exclusiveBoundsAreFlags: !at('3.1.0'),
    qualityMetrics: at('3.1.0'),
    itemPropertiesOnlyForObjects: at('3.1.0'),
    relationships: at('3.1.0'),
    multiDotReferences: at('3.2.0'),
    context: at('3.2.0'),
    synonyms: at('3.2.0'),
    semanticType: at('3.2.0'),
    enums: at('3.2.0'),
    maps: at('3.2.0'),
  };
}
