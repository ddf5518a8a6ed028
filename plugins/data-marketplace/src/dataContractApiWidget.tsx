import { DATA_CONTRACT_API_TYPE } from '@datamesh/plugin-data-mesh-common';
import { DataContractDefinition } from './components/DataContractDefinition';

/**
 * A definition widget for api-docs: add it to `apiDocsConfigRef`'s `getApiDefinitionWidget`
 * so API entities of type `data-contract` show their contract readably instead of raw YAML.
 *
 * @public
 */
export const dataContractApiWidget = {
  type: DATA_CONTRACT_API_TYPE,
  title: 'Data contract',
  component: (definition: string) => (
    <DataContractDefinition definition={definition} />
  ),
};
