import type { Entity } from '@backstage/catalog-model';

/** The descriptor standards the suite reads. */
export type DescriptorStandard = 'odps' | 'odcs' | 'dcs' | 'dpds';

export const STANDARD_TITLES: Record<DescriptorStandard, string> = {
  odps: 'Bitol Open Data Product Standard',
  odcs: 'Bitol Open Data Contract Standard',
  dcs: 'Data Contract Specification',
  dpds: 'Open Data Mesh Data Product Descriptor',
};

/** One thing wrong (or worth a warning) in a descriptor. */
export interface DescriptorIssue {
  /** Where, as a path into the document: `schema[0].properties[2].logicalType`; '' for the root. */
  path: string;
  /** What was expected, in words a descriptor's author acts on. */
  message: string;
}

/** What a format recognised in a parsed document. */
export interface DetectedDescriptor {
  standard: DescriptorStandard;
  /** The version the document declares, as written (`v3.0.2`, `1.2.1`, `0.9.3`). */
  declaredVersion: string;
}

/** The verdict on one descriptor. */
export interface ValidationResult {
  standard: DescriptorStandard;
  declaredVersion: string;
  /** The version whose rules the document passed (or was last checked against). */
  validatedAs?: string;
  valid: boolean;
  errors: DescriptorIssue[];
  warnings: DescriptorIssue[];
}

/** What a converter needs beyond the document. */
export interface ConversionContext {
  /**
   * Where the descriptor was read from (`url:https://...` or `file:/...`), written into
   * `backstage.io/source-location` so the original document stays reachable.
   */
  sourceLocation?: string;
  /** The raw text of the document, kept as the contract API's definition. */
  rawText: string;
  /** Used when the descriptor names no owner or domain; otherwise it is an error. */
  defaultOwner?: string;
  defaultDomain?: string;
}

/** Entities made from a valid descriptor, and what was adapted on the way. */
export interface ConversionResult {
  entities: Entity[];
  warnings: DescriptorIssue[];
}

/** One descriptor standard: how to recognise, validate and convert its documents. */
export interface DescriptorFormat {
  standard: DescriptorStandard;
  /** Recognises the standard's top-level marker; undefined for other documents. */
  detect(document: unknown): DetectedDescriptor | undefined;
  /** Validates by the rules of the declared version (see versions.ts for the policy). */
  validate(document: unknown): ValidationResult;
  /** Converts a document that `validate` accepted. */
  convert(document: unknown, context: ConversionContext): ConversionResult;
}
