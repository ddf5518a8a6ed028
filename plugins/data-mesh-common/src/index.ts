/**
 * The data mesh model for Backstage: the DataProduct and Domain kinds, and the descriptor
 * standards (ODPS, ODCS, DCS, DPDS) with their validators and converters.
 *
 * @packageDocumentation
 */
export * from './kinds';
export * from './descriptors';
