export * from './constants';
export * from './DataProductEntityV1alpha1';
export * from './dataProductSchema';
export * from './validators';
