import Ajv, { ValidateFunction } from 'ajv';
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { corpusDir } from '../../../testUtils/corpus';

/*
 * The official JSON Schemas of the specification, from the corpus, for cross-checks in
 * tests only. Formats (`uri`, `email`) are not validated: the corpus's recorded verdicts
 * treat them as annotations, and the official examples would fail them
 * (`s3://bucket/{model}/*.json`).
 */

const validators = new Map<string, ValidateFunction>();

function schemaFile(version: string): string {
  return join(
    corpusDir,
    'dcs',
    `datacontract-specification__versions__${version}__datacontract.schema.json`,
  );
}

/** The official schema's verdict for `document` by the rules of `version`; undefined when there is no schema of that version. */
export function officialVerdict(
  document: unknown,
  version: string,
): boolean | undefined {
  let validate = validators.get(version);
  if (!validate) {
    if (!existsSync(schemaFile(version))) {
      return undefined;
    }
    const ajv = new Ajv({ strict: false, validateFormats: false });
    validate = ajv.compile(
      JSON.parse(readFileSync(schemaFile(version), 'utf8')),
    );
    validators.set(version, validate);
  }
  return validate(document) === true;
}
