import { ResponseError } from '@backstage/errors';

/**
 * What to tell the user about a failure. A `ResponseError` only says "Request failed with
 * 400 Bad Request"; the backend's own message (which names each wrong field) is its cause.
 */
export function errorMessage(error: unknown): string {
  if (error instanceof ResponseError) {
    return error.cause?.message || error.message;
  }
  if (error instanceof Error) {
    return error.message;
  }
  return String(error);
}

/** A 409: the request changed since the user saw it, or is no longer in a state that allows the action. */
export function isConflict(error: unknown): boolean {
  return error instanceof ResponseError && error.response.status === 409;
}
