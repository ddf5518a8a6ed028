import { InputError } from '@backstage/errors';

/**
 * A page cursor: the position of the last row of a page in the list's order, newest first
 * by (created_at, id). Rows added meanwhile come before it, so pages neither skip nor repeat.
 */
export interface ListPosition {
  createdAt: Date;
  id: string;
}

export function encodeCursor(position: ListPosition): string {
  return Buffer.from(
    JSON.stringify([position.createdAt.getTime(), position.id]),
  ).toString('base64url');
}

export function decodeCursor(cursor: string): ListPosition {
  try {
    const [millis, id] = JSON.parse(
      Buffer.from(cursor, 'base64url').toString('utf8'),
    );
    if (Number.isSafeInteger(millis) && typeof id === 'string' && id) {
      return { createdAt: new Date(millis), id };
    }
  } catch {
    // reported below, like any other cursor this store did not make
  }
  throw new InputError('Invalid cursor');
}
