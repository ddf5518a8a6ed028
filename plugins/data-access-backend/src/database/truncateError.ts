const MAX_ERROR_LENGTH = 2000;

/** Errors are kept for operators; a whole HTML error page is not. */
export function truncateError(text: string): string {
  return text.length > MAX_ERROR_LENGTH
    ? `${text.slice(0, MAX_ERROR_LENGTH)}…`
    : text;
}
