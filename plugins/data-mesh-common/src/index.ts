/**
 * The data mesh model for Backstage: the DataProduct and Domain kinds, the descriptor
 * standards (ODPS, ODCS, DCS, DPDS) with their validators and converters, and the
 * governance engine (policies as data, evaluated on catalog entities).
 *
 * @packageDocumentation
 */
export * from './kinds';
export * from './descriptors';
export * from './governance';
