import { parseAllDocuments } from 'yaml';
import { structureIssue } from './structure';

/** Limits applied to every descriptor before it is parsed. */
export interface ParseLimits {
  /** Largest document accepted, in bytes. Default 1 MB. */
  maxBytes?: number;
  /**
   * Most alias expansions accepted: bounds "billion laughs" documents, where a few aliases
   * expand into gigabytes. Default 100.
   */
  maxAliasCount?: number;
}

export const DEFAULT_MAX_DESCRIPTOR_BYTES = 1024 * 1024;
const DEFAULT_MAX_ALIAS_COUNT = 100;

/** A descriptor that cannot even be read; the message says why and where. */
export class DescriptorParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DescriptorParseError';
  }
}

/**
 * Parses a descriptor file (YAML or JSON, one document) safely: size-limited, with bounded
 * aliases, and with dates left as the strings they were written as (the YAML 1.2 core
 * schema has no timestamp type, so `2024-01-01` stays `"2024-01-01"`).
 */
export function parseDescriptor(
  text: string,
  limits: ParseLimits = {},
): unknown {
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_DESCRIPTOR_BYTES;
  const size = new TextEncoder().encode(text).length;
  if (size > maxBytes) {
    throw new DescriptorParseError(
      `descriptor is ${size} bytes, more than the ${maxBytes} bytes allowed`,
    );
  }
  const documents = parseAllDocuments(text, {
    schema: 'core',
    prettyErrors: true,
    uniqueKeys: true,
  });
  if (!Array.isArray(documents)) {
    throw new DescriptorParseError('descriptor is empty');
  }
  const nonEmpty = documents.filter(doc => doc.contents !== null);
  if (nonEmpty.length !== 1) {
    throw new DescriptorParseError(
      `a descriptor file holds exactly one document, found ${nonEmpty.length}`,
    );
  }
  const [document] = nonEmpty;
  const [firstError] = document.errors;
  if (firstError) {
    throw new DescriptorParseError(
      `not valid YAML or JSON: ${firstError.message}`,
    );
  }
  let value: unknown;
  try {
    value = document.toJS({
      maxAliasCount: limits.maxAliasCount ?? DEFAULT_MAX_ALIAS_COUNT,
    });
  } catch (error) {
    throw new DescriptorParseError(
      `cannot be read: ${(error as Error).message}`,
    );
  }
  // A YAML alias can make a value contain itself, and a hostile file can nest thousands of
  // levels: either would send every validator and converter into endless recursion.
  const structure = structureIssue(value);
  if (structure) {
    throw new DescriptorParseError(`cannot be read: ${structure.message}`);
  }
  return value;
}
