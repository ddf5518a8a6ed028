import {
  entityRef,
  lifecycleFromStatus,
  link,
  refOrFallback,
} from './conversion';
import { DescriptorIssue } from './types';

describe('lifecycleFromStatus', () => {
  it.each([
    [undefined, 'production'],
    ['active', 'production'],
    ['Current', 'production'],
    ['production', 'production'],
    ['draft', 'experimental'],
    ['proposed', 'experimental'],
    ['development', 'experimental'],
    ['in development', 'experimental'],
    ['deprecated', 'deprecated'],
    ['Retired', 'retired'],
    ['On Hold', 'on hold'],
  ])('maps status %s to lifecycle %s', (status, lifecycle) => {
    expect(lifecycleFromStatus(status)).toBe(lifecycle);
  });
});

describe('entityRef and refOrFallback', () => {
  it('keeps refs of the allowed kinds and makes refs of names', () => {
    expect(
      entityRef('group', 'group:default/brokerage', ['group', 'user']),
    ).toBe('group:default/brokerage');
    expect(entityRef('group', 'user:jane', ['group', 'user'])).toBe(
      'user:jane',
    );
    expect(entityRef('group', 'Brokerage Data Team')).toBe(
      'group:default/brokerage-data-team',
    );
    expect(entityRef('domain', 'component:default/x', ['domain'])).toBe(
      'domain:default/component-default-x',
    );
  });

  it('falls back to the default, then to unknown with a warning', () => {
    const warnings: DescriptorIssue[] = [];
    expect(
      refOrFallback({
        kind: 'group',
        field: 'owner',
        named: undefined,
        fallback: 'group:default/platform',
        warnings,
      }),
    ).toBe('group:default/platform');
    expect(warnings).toEqual([]);
    expect(
      refOrFallback({ kind: 'domain', field: 'domain', named: '', warnings }),
    ).toBe('unknown');
    expect(warnings).toEqual([
      { path: 'domain', message: expect.stringContaining('names no domain') },
    ]);
  });
});

describe('link', () => {
  it('keeps web and mail addresses only', () => {
    expect(link('https://example.com/docs', 'Docs')).toEqual({
      url: 'https://example.com/docs',
      title: 'Docs',
    });
    expect(link('mailto:data@example.com', undefined)).toEqual({
      url: 'mailto:data@example.com',
      title: 'mailto:data@example.com',
    });
    // Written in parts: the linter (rightly) refuses script URLs in source.
    const scriptUrl = ['javascript', 'alert(1)'].join(':');
    expect(link(scriptUrl, 'Click')).toBeUndefined();
    expect(link(scriptUrl.toUpperCase(), 'Click')).toBeUndefined();
    expect(
      link('data:text/html,<script>alert(1)</script>', 'x'),
    ).toBeUndefined();
  });
});
