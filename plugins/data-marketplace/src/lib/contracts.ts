import {
  readDescriptor,
  type DataContractSummary,
  type DescriptorIssue,
} from '@datamesh/plugin-data-mesh-common';
import { asRecord } from './values';

/** A contract definition, read into the one shape the pages show whatever its standard. */
export type ParsedContract =
  | { ok: true; summary: DataContractSummary; warnings: DescriptorIssue[] }
  | { ok: false; errors: DescriptorIssue[] };

/**
 * Reads an ODCS or DCS definition (the raw text an API entity of type data-contract keeps)
 * with the same reader the catalog uses, so the page shows what the catalog accepted.
 * The owner and domain only fill in what conversion needs when the contract names none;
 * they are not shown. Never throws: what is wrong comes back in `errors`.
 */
export function parseContractDefinition(
  definition: string,
  context: { defaultOwner?: string; defaultDomain?: string } = {},
): ParsedContract {
  try {
    const result = readDescriptor(definition, {
      defaultOwner: context.defaultOwner ?? 'group:default/unknown',
      defaultDomain: context.defaultDomain ?? 'domain:default/unknown',
    });
    if (result.errors.length > 0) {
      return { ok: false, errors: result.errors };
    }
    const summary = result.entities
      .map(entity => asRecord(entity.spec)?.dataContract)
      .find(Boolean) as DataContractSummary | undefined;
    if (!summary) {
      const standard = result.detected?.standard ?? 'unknown';
      return {
        ok: false,
        errors: [
          {
            path: '',
            message: `not a data contract: this ${standard.toLocaleUpperCase(
              'en-US',
            )} document describes a data product, not its contract`,
          },
        ],
      };
    }
    return { ok: true, summary, warnings: result.warnings };
  } catch (error) {
    return {
      ok: false,
      errors: [{ path: '', message: `cannot be read: ${String(error)}` }],
    };
  }
}
