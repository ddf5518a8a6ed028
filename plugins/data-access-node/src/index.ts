/**
 * Extension point for delivery adapters of the data mesh suite's access requests.
 *
 * @packageDocumentation
 */
export * from './delivery';
export * from './extensions';
