import {
  Entity,
  entityKindSchemaValidator,
  entitySchemaValidator,
} from '@backstage/catalog-model';
import { readFileSync } from 'fs';
import { join } from 'path';
import {
  dataMeshDomainEntityV1alpha1Validator,
  dataProductEntityV1alpha1Validator,
} from '../kinds';
import { corpusDir } from './corpus';

const envelope = entitySchemaValidator();

// @backstage/catalog-model exports no validator for the API kind; the corpus holds its
// published schema, which entityKindSchemaValidator resolves against the Entity schema.
const apiValidator = entityKindSchemaValidator(
  JSON.parse(
    readFileSync(
      join(
        corpusDir,
        'backstage-schemas',
        'npm-@backstage__catalog-model@1.10.1__dist__schema__kinds__API.v1alpha1.schema.json',
      ),
      'utf8',
    ),
  ),
);

/**
 * Throws, naming the entity and the field, unless each entity passes the catalog's envelope
 * checks and its kind's schema (DataProduct, data-mesh Domain, API).
 */
export async function assertValidEntities(entities: Entity[]): Promise<void> {
  for (const entity of entities) {
    const label = `${entity.kind}:${entity.metadata?.name}`;
    try {
      envelope(entity);
      let known = false;
      if (entity.kind === 'API') {
        known = apiValidator(entity) !== false;
      } else {
        known =
          (await dataProductEntityV1alpha1Validator.check(entity)) ||
          (await dataMeshDomainEntityV1alpha1Validator.check(entity));
      }
      if (!known) {
        throw new Error(`no validator for ${entity.apiVersion} ${entity.kind}`);
      }
    } catch (error) {
      throw new Error(
        `${label} is not a valid entity: ${(error as Error).message}`,
      );
    }
  }
}
