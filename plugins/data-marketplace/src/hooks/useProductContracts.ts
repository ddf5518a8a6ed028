import type { Entity } from '@backstage/catalog-model';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import type { ParsedContract } from '../lib/contracts';
import {
  contractRefs,
  isDataContractApi,
  readContractApi,
} from '../lib/productContracts';

export type ProductContract = {
  ref: string;
  entity: Entity;
  contract: ParsedContract;
};

export type ProductContracts = {
  contracts: ProductContract[];
  /** Contract refs the product names that the catalog does not hold. */
  missing: string[];
};

/** Loads and reads the data contracts a product provides, in one catalog call. */
export function useProductContracts(product: Entity) {
  const catalogApi = useApi(catalogApiRef);
  const refs = contractRefs(product);
  return useAsync(async (): Promise<ProductContracts> => {
    if (!refs.length) {
      return { contracts: [], missing: [] };
    }
    const { items } = await catalogApi.getEntitiesByRefs({ entityRefs: refs });
    const contracts: ProductContract[] = [];
    const missing: string[] = [];
    items.forEach((api, index) => {
      if (!api) {
        missing.push(refs[index]);
      } else if (isDataContractApi(api)) {
        contracts.push({
          ref: stringifyEntityRef(api),
          entity: api,
          contract: readContractApi(api, product),
        });
      }
    });
    return { contracts, missing };
  }, [catalogApi, refs.join('\n'), stringifyEntityRef(product)]);
}
