import type { VersionRules } from '../../versions';
import { humanIssues } from '../messages';
import { v2ContractSchema, V2SchemaVersion } from './schemas';

const VERSIONS: V2SchemaVersion[] = ['2.2.1', '2.2.2'];

/** The rules of the ODCS v2 versions the suite reads (legacy, converted to the v3 summary). */
export const odcsV2Rules: VersionRules[] = VERSIONS.map(version => {
  const schema = v2ContractSchema(version);
  return {
    version,
    check(document) {
      const result = schema.safeParse(document, { reportInput: true });
      return result.success
        ? []
        : humanIssues(result.error, `ODCS v${version}`);
    },
  };
});
