/**
 * The only kinds of address a descriptor may turn into a link: web pages and e-mail. Anything
 * else (`javascript:`, `data:`, `vbscript:`, a relative path) is shown as text, because a
 * descriptor is written by any team and must never run in a reader's browser.
 */
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** The address when it is an absolute http, https or mailto URL; otherwise undefined. */
export function safeHref(value: unknown): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const trimmed = value.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return undefined;
  }
  return SAFE_PROTOCOLS.has(url.protocol) ? trimmed : undefined;
}

/**
 * For MarkdownContent's `transformLinkUri`: an empty href makes it render the link's text
 * without an anchor.
 */
export function markdownLinkUri(href: string): string {
  return safeHref(href) ?? '';
}

/**
 * For MarkdownContent's `transformImageUri`: no image of a descriptor is loaded, so a
 * descriptor cannot make every reader's browser call an address of its choosing.
 */
export function blockedImageUri(_src: string): string {
  return '';
}
