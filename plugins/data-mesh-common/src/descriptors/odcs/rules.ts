import type { VersionRules } from '../versions';
import { ODCS_VERSIONS } from './features';
import { humanIssues } from './messages';
import { contractSchemaOf } from './schemas';

/** The rules of each ODCS v3 version the suite knows, for validateByVersion. */
export const odcsV3Rules: VersionRules[] = ODCS_VERSIONS.map(version => ({
  version,
  check(document, { allowUnknownFields }) {
    const result = contractSchemaOf(version, allowUnknownFields).safeParse(
      document,
      { reportInput: true },
    );
    return result.success ? [] : humanIssues(result.error, `ODCS v${version}`);
  },
}));
