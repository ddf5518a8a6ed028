import type { OutputPortType } from '../kinds/constants';
import { toEntityName } from './entities';
import type { DescriptorIssue } from './types';

// Conversion helpers shared by the ODPS and DPDS formats, which both describe a data
// product and become one DataProduct entity.

/** A string with something in it, or undefined. */
export function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** The object without its undefined fields, so the entity holds only what was said. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as T;
}

/** The list, or undefined when it is empty. */
export function nonEmptyList<T>(values: T[] | undefined): T[] | undefined {
  return values && values.length > 0 ? values : undefined;
}

/** `toEntityName`, or undefined when nothing of the value can make a name. */
export function entityNameOrUndefined(value: unknown): string | undefined {
  const text = nonEmpty(value);
  if (!text) {
    return undefined;
  }
  try {
    return toEntityName(text);
  } catch {
    return undefined;
  }
}

/**
 * The entity name from the first candidate that makes one. When none does (a name written
 * only in non-Latin letters), the code points of the last candidate make a stable name, so
 * the same descriptor always yields the same entity.
 */
export function entityNameFrom(candidates: unknown[]): string {
  for (const candidate of candidates) {
    const name = entityNameOrUndefined(candidate);
    if (name) {
      return name;
    }
  }
  const last = candidates.map(nonEmpty).filter(Boolean).pop() ?? 'unnamed';
  return toEntityName(
    `x-${Array.from(last)
      .map(c => c.codePointAt(0)!.toString(16))
      .join('-')}`,
  );
}

/** What descriptors write as a status, as a Backstage lifecycle. */
const LIFECYCLES: Record<string, string> = {
  active: 'production',
  current: 'production',
  production: 'production',
  draft: 'experimental',
  proposed: 'experimental',
  development: 'experimental',
  // The Data Contract Specification's own word (0.9.3 lists "in development").
  'in-development': 'experimental',
  deprecated: 'deprecated',
  retired: 'retired',
};

/**
 * Lifecycle from a descriptor's status, in Backstage's words: the product is live
 * (production), being built (experimental), on its way out (deprecated) or gone (retired);
 * another status lowercased as written; production when none is stated.
 */
export function lifecycleFromStatus(status: unknown): string {
  const written = nonEmpty(status)?.trim().toLocaleLowerCase('en-US');
  if (!written) {
    return 'production';
  }
  return LIFECYCLES[written.replace(/[\s_]+/g, '-')] ?? written;
}

// Words that name a kind of output port, in the standards and in the tools they name.
const PORT_TYPE_WORDS: Array<[OutputPortType, string[]]> = [
  ['sql-view', ['sql', 'view', 'views', 'sqlview']],
  ['table', ['table', 'tables', 'datastore', 'database']],
  ['api', ['api', 'apis', 'rest', 'graphql', 'openapi', 'http', 'https']],
  [
    'stream',
    [
      'stream',
      'streams',
      'streaming',
      'kafka',
      'topic',
      'topics',
      'event',
      'events',
      'asyncapi',
    ],
  ],
  ['file', ['file', 'files', 's3', 'object', 'objects']],
];

/**
 * Our output port type for what a descriptor calls it (`tables`, `rest-services`,
 * `streaming-services`, `Kafka topic`): the first of our types one of its words names,
 * else `other`. `originalType` keeps the descriptor's word when it is not exactly ours.
 */
export function outputPortType(value: unknown): {
  type: OutputPortType;
  originalType?: string;
} {
  const original = nonEmpty(value);
  if (!original) {
    return { type: 'other' };
  }
  const words = original
    .toLocaleLowerCase('en-US')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const found = PORT_TYPE_WORDS.find(([, names]) =>
    words.some(word => names.includes(word)),
  );
  const type = found ? found[0] : 'other';
  return type === original ? { type } : { type, originalType: original };
}

const ENTITY_REF =
  /^([a-z][a-z0-9-]*):(?:([a-z0-9][a-z0-9_.-]*)\/)?([a-z0-9][a-z0-9_.-]*)$/i;

/**
 * An entity ref for an owner or domain as a descriptor names it: kept when it is already a
 * ref of one of the allowed kinds (`group:default/brokerage`, `user:jane`), else
 * `<kind>:default/<name made of the value>`.
 */
export function entityRef(
  kind: string,
  value: unknown,
  refKinds: string[] = [kind],
): string | undefined {
  const text = nonEmpty(value)?.trim();
  if (!text) {
    return undefined;
  }
  const ref = ENTITY_REF.exec(text);
  if (ref && refKinds.includes(ref[1].toLocaleLowerCase('en-US'))) {
    return text;
  }
  const name = entityNameOrUndefined(text);
  return name ? `${kind}:default/${name}` : undefined;
}

/**
 * The owner or domain of a product: what the descriptor names, else the default the
 * catalog location gives, else `unknown` with a warning, so that a product is never lost
 * for want of an owner.
 */
export function refOrFallback(options: {
  kind: 'group' | 'domain';
  field: string;
  named: unknown;
  fallback?: string;
  warnings: DescriptorIssue[];
}): string {
  const { kind, field, named, fallback, warnings } = options;
  const label = kind === 'group' ? 'owner' : 'domain';
  const refKinds = kind === 'group' ? ['group', 'user'] : ['domain'];
  const fromDescriptor = entityRef(kind, named, refKinds);
  if (fromDescriptor) {
    return fromDescriptor;
  }
  if (nonEmpty(named)) {
    warnings.push({
      path: field,
      message: `cannot make an entity reference from "${named}"; the ${label} is taken from the location's default or set to unknown`,
    });
  }
  const fromContext = entityRef(kind, fallback, refKinds);
  if (fromContext) {
    return fromContext;
  }
  warnings.push({
    path: field,
    message: `the descriptor names no ${label} and the location gives no default ${label}; the ${label} is set to "unknown"`,
  });
  return 'unknown';
}

/**
 * A link for `metadata.links`, which needs a URL and a title to show (the URL itself when
 * nothing better names it); undefined unless it is an http(s) or mailto address.
 */
export function link(
  url: unknown,
  title: unknown,
  type?: unknown,
): { url: string; title: string; type?: string } | undefined {
  const href = nonEmpty(url);
  // Only web and mail addresses: a link is rendered clickable, and a descriptor must never
  // put a `javascript:` (or any other scheme) URL in front of a reader.
  if (!href || !/^(https?:\/\/|mailto:)/i.test(href)) {
    return undefined;
  }
  const linkType = nonEmpty(type);
  return {
    url: href,
    title: nonEmpty(title) ?? href,
    ...(linkType ? { type: linkType } : {}),
  };
}
