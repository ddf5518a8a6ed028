/**
 * Access requests of the data mesh suite: states, types, API schemas and permissions shared
 * by the frontend and the backend.
 *
 * @packageDocumentation
 */
export * from './states';
export * from './types';
export * from './api';
export * from './permissions';
