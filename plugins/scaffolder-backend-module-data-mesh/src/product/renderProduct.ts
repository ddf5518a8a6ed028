import type { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  describeIssues,
  readDescriptor,
  toEntityName,
} from '@datamesh/plugin-data-mesh-common';
import type { ProductAnswers } from './answers';
import { buildOdcs } from './buildOdcs';
import { buildOdps } from './buildOdps';
import {
  catalogLocation,
  descriptorFileNames,
  toYaml,
} from './descriptorFiles';

export interface RenderedFile {
  /** Relative to the repository root. */
  path: string;
  content: string;
}

export interface RenderedProduct {
  files: RenderedFile[];
  /** What the catalog module makes of the files: the DataProduct and the contract's API. */
  product: Entity;
  contract: Entity;
}

const HEADER =
  'Written by the data mesh suite from the answers to its template.\nEdit it here; the catalog reads it, and CI runs `datamesh validate` on it.';

/**
 * Renders the answers into the repository's descriptor files and reads them back with the
 * catalog module's own code (readDescriptor). Anything the catalog would refuse, adapt or
 * drop is an error here, before the repository exists: what a template writes, the
 * catalog reads back unchanged.
 */
export function renderProduct(answers: ProductAnswers): RenderedProduct {
  const made = toEntityName(answers.title);
  if (made !== answers.name) {
    throw new InputError(
      `title: the catalog names a product after its title, and "${
        answers.title
      }" gives "${made}", not "${
        answers.name
      }"; use a title whose words make the name (e.g. "${answers.name
        .split('-')
        .join(' ')}"), or change the name`,
    );
  }
  const names = descriptorFileNames(answers.name);
  const productText = toYaml(buildOdps(answers), HEADER);
  const contractText = toYaml(buildOdcs(answers), HEADER);
  const product = readBack(names.product, productText);
  const contract = readBack(names.contract, contractText);
  return {
    files: [
      { path: names.product, content: productText },
      { path: names.contract, content: contractText },
      {
        path: names.location,
        content: catalogLocation({
          productName: answers.name,
          title: answers.title,
        }),
      },
    ],
    product,
    contract,
  };
}

function readBack(file: string, text: string): Entity {
  const result = readDescriptor(text);
  const problems = [...result.errors, ...result.warnings];
  if (problems.length > 0 || result.entities.length !== 1) {
    throw new InputError(
      `${file} would not be read back unchanged by the catalog: ${describeIssues(
        problems,
      )}`,
    );
  }
  return result.entities[0];
}
