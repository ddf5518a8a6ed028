import { Document, stringify } from 'yaml';
import { contractIdOf } from './answers';

/**
 * The files a product repository holds, named as the demo mesh names them: the product
 * descriptor, its contract, and a catalog Location listing both (one Location per product,
 * so a broken descriptor marks only its own product).
 */
export function descriptorFileNames(productName: string) {
  return {
    product: `${productName}.odps.yaml`,
    contract: `${productName}.odcs.yaml`,
    location: 'catalog-info.yaml',
  };
}

/** A YAML document with a comment on top that says where it comes from. */
export function toYaml(value: unknown, comment: string): string {
  const document = new Document(value);
  document.commentBefore = ` ${comment.split('\n').join('\n ')}`;
  return document.toString({ lineWidth: 0 });
}

/** The catalog Location of a product repository: its descriptor and its contract. */
export function catalogLocation(options: {
  productName: string;
  title: string;
}): string {
  const files = descriptorFileNames(options.productName);
  return stringify({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Location',
    metadata: {
      name: options.productName,
      description: `${
        options.title
      }: the data product descriptor (ODPS) and its contract (ODCS ${contractIdOf(
        options.productName,
      )})`,
    },
    spec: { targets: [`./${files.product}`, `./${files.contract}`] },
  });
}
