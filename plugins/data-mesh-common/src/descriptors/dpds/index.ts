import type { DescriptorFormat } from '../types';
import { convertDpds } from './convert';
import { detectDpds } from './detect';
import { validateDpds } from './rules';

/** Open Data Mesh Data Product Descriptor Specification (DPDS) 1.0: one DataProduct entity. */
export const dpdsFormat: DescriptorFormat = {
  standard: 'dpds',
  detect: detectDpds,
  validate: validateDpds,
  convert: convertDpds,
};
