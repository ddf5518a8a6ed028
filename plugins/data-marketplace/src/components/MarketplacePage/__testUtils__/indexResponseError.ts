import { ResponseError } from '@backstage/errors';

const STATUS_TEXT: Record<number, string> = {
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  503: 'Service Unavailable',
};

/** What the client rejects with when the index answers an error in Backstage's shape. */
export function indexResponseError(
  status: number,
  error: { name: string; message: string },
): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(JSON.stringify({ error, response: { statusCode: status } }), {
      status,
      statusText: STATUS_TEXT[status] ?? 'Error',
      headers: { 'Content-Type': 'application/json' },
    }),
  );
}

/**
 * The index's 403 for a user the permission policy does not let read every catalog entity
 * (the data-marketplace backend's WholeCatalogReadGate).
 */
export function indexRefusedError(): Promise<ResponseError> {
  return indexResponseError(403, {
    name: 'NotAllowedError',
    message:
      'The marketplace index answers only users whom the permission policy lets read every catalog entity',
  });
}
