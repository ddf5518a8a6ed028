import { markdownLinkUri, safeHref } from './safeUrl';

// Built at run time: the lint rule forbids script URLs as literals, and these tests are
// about refusing them.
const SCRIPT_URL = ['javascript', 'alert(1)'].join(':');

describe('safeHref', () => {
  it.each([
    'https://chat.premium-offices.example/channels/brokerage-data',
    'http://intranet.example/',
    'mailto:brokerage-data@premium-offices.example',
  ])('keeps %s', href => {
    expect(safeHref(href)).toBe(href);
  });

  it.each([
    SCRIPT_URL,
    ' JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:/etc/passwd',
    '/relative/path',
    'not a url',
    42,
    undefined,
  ])('refuses %p', href => {
    expect(safeHref(href)).toBeUndefined();
  });

  it('turns a refused markdown link into no link at all', () => {
    expect(markdownLinkUri(SCRIPT_URL)).toBe('');
    expect(markdownLinkUri('https://docs.example/')).toBe(
      'https://docs.example/',
    );
  });
});
