import { parse, stringify } from 'yaml';
import type { ProductAnswers } from '../product/answers';
import { renderProduct } from '../product/renderProduct';
import { leasePipelineAnswers } from './answers';

/**
 * The files datamesh:descriptor:create writes for the answers, as a mock directory's
 * content; `edit` changes a parsed document before it is written back, to break a rule.
 */
export function productFiles(
  options: {
    answers?: ProductAnswers;
    editProduct?: (odps: any) => void;
    editContract?: (odcs: any) => void;
  } = {},
): Record<string, string> {
  const answers = options.answers ?? leasePipelineAnswers();
  const files = Object.fromEntries(
    renderProduct(answers).files.map(f => [f.path, f.content]),
  );
  const edit = (file: string, change?: (doc: any) => void) => {
    if (change) {
      const doc = parse(files[file]);
      change(doc);
      files[file] = stringify(doc);
    }
  };
  edit(`${answers.name}.odps.yaml`, options.editProduct);
  edit(`${answers.name}.odcs.yaml`, options.editContract);
  return files;
}

/** Removes an ODPS/ODCS custom property by name. */
export function dropCustomProperty(doc: any, name: string) {
  doc.customProperties = doc.customProperties.filter(
    (p: { property: string }) => p.property !== name,
  );
}
