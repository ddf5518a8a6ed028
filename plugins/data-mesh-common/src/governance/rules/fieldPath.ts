import { z } from 'zod';
import { FIELD_PATH_PATTERN } from '../paths';

/** A rule's field: a dotted path into the entity, `[]` after a list for each item. */
export const fieldPathSchema = z.string().regex(FIELD_PATH_PATTERN, {
  error:
    'expected a dotted field path such as spec.description.purpose or spec.outputPorts[].name',
});
