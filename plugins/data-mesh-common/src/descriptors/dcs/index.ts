import type { DescriptorFormat } from '../types';
import { convertDcs } from './convert';
import { detectDcs } from './detect';
import { validateDcs } from './validate';

/**
 * The Data Contract Specification (datacontract.com), versions 0.9.0 to 1.2.1: documents
 * marked by a top-level `dataContractSpecification`, each becoming one `API` entity of type
 * data-contract.
 */
export const dcsFormat: DescriptorFormat = {
  standard: 'dcs',
  detect: detectDcs,
  validate: validateDcs,
  convert: convertDcs,
};
