import { DescriptorParseError, parseDescriptor } from './parse';

describe('parseDescriptor', () => {
  it('keeps YAML dates as the strings they were written as', () => {
    expect(
      parseDescriptor('created: 2024-01-15\nat: 2024-01-15T10:00:00Z\n'),
    ).toEqual({ created: '2024-01-15', at: '2024-01-15T10:00:00Z' });
  });

  it('reads JSON, which is YAML', () => {
    expect(parseDescriptor('{"dataProductDescriptor": "1.0.0"}')).toEqual({
      dataProductDescriptor: '1.0.0',
    });
  });

  it('refuses a document over the size limit, saying both sizes', () => {
    expect(() => parseDescriptor('a: 12345', { maxBytes: 4 })).toThrow(
      'descriptor is 8 bytes, more than the 4 bytes allowed',
    );
  });

  it('bounds alias expansion ("billion laughs")', () => {
    const laughs = [
      'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
      ...'bcdefghi'.split('').map((name, i) => {
        const previous = 'abcdefgh'[i];
        return `${name}: &${name} [${Array(9)
          .fill(`*${previous}`)
          .join(', ')}]`;
      }),
    ].join('\n');
    expect(() => parseDescriptor(laughs)).toThrow(DescriptorParseError);
    expect(() => parseDescriptor(laughs)).toThrow(/alias/i);
  });

  it('refuses a document that contains itself through an alias', () => {
    expect(() => parseDescriptor('a: &x\n  b: *x\n')).toThrow(
      /^cannot be read: .*refers to itself/,
    );
  });

  it('refuses broken YAML, duplicate keys and several documents in one file', () => {
    expect(() => parseDescriptor('a: [1, 2')).toThrow(/not valid YAML or JSON/);
    expect(() => parseDescriptor('a: 1\na: 2\n')).toThrow(
      /not valid YAML or JSON/,
    );
    expect(() => parseDescriptor('a: 1\n---\nb: 2\n')).toThrow(
      'a descriptor file holds exactly one document, found 2',
    );
    expect(() => parseDescriptor('')).toThrow(/found 0/);
  });
});
