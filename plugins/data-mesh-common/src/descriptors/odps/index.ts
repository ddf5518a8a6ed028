import type { DescriptorFormat } from '../types';
import { convertOdps } from './convert';
import { detectOdps } from './detect';
import { validateOdps } from './rules';

/** Bitol Open Data Product Standard (ODPS) v0.9.0 and v1.x: one DataProduct entity. */
export const odpsFormat: DescriptorFormat = {
  standard: 'odps',
  detect: detectOdps,
  validate: validateOdps,
  convert: convertOdps,
};
