import { CLASSIFICATIONS } from '@datamesh/plugin-data-mesh-common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { templatesDir } from '../__testUtils__/portalBackend';
import { LOGICAL_TYPES, OFFERED_PORT_TYPES } from '../product/answers';
import {
  COLUMN_NAME_PATTERN,
  NAME_PATTERN,
  VERSION_PATTERN,
} from '../product/namingRules';
import { UPDATE_FREQUENCIES } from '../product/updateFrequency';

/**
 * The forms check the mesh's rules before a run with JSON Schema, the actions with code:
 * both must say the same, or a form would let through what the run then refuses.
 */

const template = (file: string) =>
  parse(readFileSync(join(templatesDir, 'data-product', file), 'utf8'));
const files = ['source-aligned.yaml', 'aggregate.yaml', 'evolve.yaml'];

/** Every schema in a template's form with its path, walking properties, items and branches. */
function schemas(node: any, path = ''): Array<{ path: string; schema: any }> {
  if (!node || typeof node !== 'object') {
    return [];
  }
  const found = [{ path, schema: node }];
  for (const [name, child] of Object.entries(node.properties ?? {})) {
    found.push(...schemas(child, `${path}.${name}`));
  }
  found.push(...schemas(node.items, `${path}[]`));
  for (const [field, dependency] of Object.entries<any>(
    node.dependencies ?? {},
  )) {
    (dependency.oneOf ?? []).forEach((branch: any) =>
      found.push(...schemas(branch, `${path}{${field}}`)),
    );
  }
  return found;
}

const formSchemas = (file: string): Array<{ path: string; schema: any }> =>
  template(file).spec.parameters.flatMap((step: any) => schemas(step));

describe('the templates’ forms', () => {
  it.each(files)(
    '%s: names, columns and versions follow the actions’ rules',
    file => {
      const patterns = formSchemas(file).filter(s => s.schema.pattern);
      expect(patterns.length).toBeGreaterThan(0);
      for (const { path, schema } of patterns) {
        const isColumn =
          /columns\[\]\.name$|schemaChanges\[\]\.(property|newName)$/.test(
            path,
          );
        let expected = isColumn ? COLUMN_NAME_PATTERN : NAME_PATTERN;
        if (path.endsWith('.version')) {
          expected = VERSION_PATTERN;
        }
        expect({ path, pattern: schema.pattern }).toEqual({
          path,
          pattern: expected,
        });
      }
    },
  );

  it.each(files)('%s: the choices are the ones the actions accept', file => {
    // The full lists; the branches of `dependencies` hold the subsets that pick a branch.
    const enums = formSchemas(file).filter(
      s => s.schema.enum && !s.path.includes('{'),
    );
    const expected: Record<string, readonly string[]> = {
      '.classification': CLASSIFICATIONS,
      '.updateFrequency': UPDATE_FREQUENCIES,
      '.outputPorts[].type': OFFERED_PORT_TYPES,
      '.outputPorts[].columns[].logicalType': LOGICAL_TYPES,
      '.schemaChanges[].logicalType': LOGICAL_TYPES,
    };
    const checked = enums.filter(({ path }) => expected[path]);
    expect(checked.length).toBeGreaterThan(0);
    for (const { path, schema } of checked) {
      expect({ path, enum: schema.enum }).toEqual({
        path,
        enum: [...expected[path]],
      });
    }
  });

  it('the two create templates ask the same questions, but for the inputs', () => {
    const [source, aggregate] = ['source-aligned.yaml', 'aggregate.yaml'].map(
      f => template(f).spec.parameters,
    );
    expect(
      aggregate.filter((s: any) => s.title !== 'What it is built from'),
    ).toEqual(source);
  });

  it.each(files)(
    '%s: every data mesh step uses an action of this module',
    file => {
      const ids = template(file)
        .spec.steps.map((s: any) => s.action)
        .filter((a: string) => a.startsWith('datamesh:'));
      for (const id of ids) {
        expect([
          'datamesh:descriptor:create',
          'datamesh:descriptor:evolve',
          'datamesh:descriptor:validate',
          'datamesh:contract:diff',
          'datamesh:repository:publish',
        ]).toContain(id);
      }
    },
  );
});
