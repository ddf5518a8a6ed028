/**
 * The top-level markers of the four standards: ODPS and ODCS (`kind: DataProduct` /
 * `kind: DataContract`), DCS (`dataContractSpecification:`), DPDS (`dataProductDescriptor:`).
 */
const DESCRIPTOR_MARKER =
  /^\s*"?(dataContractSpecification|dataProductDescriptor)"?\s*:|^\s*"?kind"?\s*:\s*"?Data(Contract|Product)\b/m;

/** Backstage entities carry `group/version` apiVersions: `datamesh/v1alpha1`. */
const BACKSTAGE_API_VERSION = /^\s*"?apiVersion"?\s*:\s*"?[a-z0-9.-]+\/v\d/m;

/**
 * A cheap first look at a file's text, so that the many ordinary catalog files pay for two
 * regular expressions and not a second parse. True for anything that may be a descriptor;
 * the suite's own kinds (apiVersion datamesh/v1alpha1, kind DataProduct) are ordinary
 * catalog entities, not descriptors.
 */
export function looksLikeDescriptor(text: string): boolean {
  return DESCRIPTOR_MARKER.test(text) && !BACKSTAGE_API_VERSION.test(text);
}
