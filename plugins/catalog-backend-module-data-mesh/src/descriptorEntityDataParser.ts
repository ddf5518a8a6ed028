import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  CatalogProcessorParser,
  parseEntityYaml,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  describeIssues,
  looksLikeDescriptor,
  readDescriptor,
} from '@datamesh/plugin-data-mesh-common';

/** At most this many issues are listed in one processing error. */
const MAX_ISSUES_REPORTED = 10;

export interface DescriptorParserOptions {
  /** Descriptors larger than this are refused. */
  maxBytes: number;
}

function sourceLocationOf(location: LocationSpec): string {
  return `${location.type}:${location.target}`;
}

/**
 * The catalog's entity data parser, extended with descriptor standards: a file that is an
 * ODPS, ODCS, DCS or DPDS document becomes the entities the suite derives from it; every
 * other file is parsed as the catalog always does.
 *
 * A bad descriptor becomes a processing error, naming the fields, on the Location entity
 * that read it. As for any catalog file, that Location then keeps the entities of its last
 * good read (nothing is lost) and other Locations go on; so register one Location per
 * product (per repository), not one Location for many products.
 */
export function createDescriptorEntityDataParser(
  options: DescriptorParserOptions,
): CatalogProcessorParser {
  return async function* parseDescriptorsAndEntities({ data, location }) {
    const text = data.toString('utf8');
    if (!looksLikeDescriptor(text)) {
      yield* parseEntityYaml(data, location);
      return;
    }
    const result = readDescriptor(
      text,
      { sourceLocation: sourceLocationOf(location) },
      { maxBytes: options.maxBytes },
    );
    if (result.failedAt === 'recognise') {
      // Not one of the standards after all (e.g. a catalog-info file that mentions a
      // marker in a comment): let the catalog's own parser speak.
      yield* parseEntityYaml(data, location);
      return;
    }
    if (result.errors.length > 0) {
      const standard = result.detected
        ? `${result.detected.standard.toUpperCase()} ${
            result.detected.declaredVersion
          } `
        : '';
      yield processingResult.inputError(
        location,
        `Invalid ${standard}descriptor at ${location.target}: ${describeIssues(
          result.errors,
          MAX_ISSUES_REPORTED,
        )}`,
      );
      return;
    }
    for (const entity of result.entities) {
      yield processingResult.entity(location, entity);
    }
  };
}
