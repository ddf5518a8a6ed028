import { issuesFromZod } from '../issues';
import type { DescriptorIssue } from '../types';
import type { RuleOptions, VersionRules } from '../versions';
import { DCS_VERSIONS, DcsVersion } from './features';
import { dcsErrorMap } from './messages';
import { dataContractSchema } from './schemas';

type Schema = ReturnType<typeof dataContractSchema>;

// Building a version's schema takes a moment; a catalog reads many contracts.
const schemas = new Map<string, Schema>();

function schemaFor(version: DcsVersion, openTypes: boolean): Schema {
  const key = `${version}/${openTypes}`;
  let schema = schemas.get(key);
  if (!schema) {
    schema = dataContractSchema({ version, openTypes });
    schemas.set(key, schema);
  }
  return schema;
}

function check(
  version: DcsVersion,
  document: unknown,
  options: RuleOptions,
): DescriptorIssue[] {
  // A document of a newer version than the suite knows may use types added since; its
  // unknown fields are accepted anyway, as in every version of the specification.
  const schema = schemaFor(version, options.allowUnknownFields);
  try {
    const result = schema.safeParse(document, { error: dcsErrorMap });
    return result.success ? [] : issuesFromZod(result.error);
  } catch (error) {
    // Validation never throws for a bad document; this would be a bug in the rules.
    return [
      {
        path: '',
        message: `could not be checked by the rules of ${version}: ${
          (error as Error).message
        }`,
      },
    ];
  }
}

/** The rules of every version of the specification, for validateByVersion. */
export const dcsRules: VersionRules[] = DCS_VERSIONS.map(version => ({
  version,
  check: (document, options) => check(version, document, options),
}));
