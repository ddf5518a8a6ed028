import type { DescriptorFormat } from '../types';
import { convertOdcs } from './convert';
import { detectOdcs } from './detect';
import { validateOdcs } from './validate';

/** Bitol Open Data Contract Standard (ODCS) v3: one `API` entity of type data-contract. */
export const odcsFormat: DescriptorFormat = {
  standard: 'odcs',
  detect: detectOdcs,
  validate: validateOdcs,
  convert: convertOdcs,
};
