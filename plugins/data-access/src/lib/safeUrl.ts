/**
 * A link target for text that comes from outside (a delivery system's reference, a
 * descriptor): only http and https addresses become links, so `javascript:` and `data:`
 * never end up in an href.
 */
export function safeHttpUrl(value: string | undefined): string | undefined {
  if (!value) {
    return undefined;
  }
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:'
      ? url.toString()
      : undefined;
  } catch {
    return undefined;
  }
}
