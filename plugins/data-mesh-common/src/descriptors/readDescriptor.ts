import type { Entity } from '@backstage/catalog-model';
import { detectDescriptor } from './formats';
import { DescriptorParseError, parseDescriptor, ParseLimits } from './parse';
import type {
  ConversionContext,
  DescriptorIssue,
  DetectedDescriptor,
  ValidationResult,
} from './types';

/** Everything the suite learned from one descriptor file. */
export interface DescriptorReadResult {
  detected?: DetectedDescriptor;
  validation?: ValidationResult;
  /** Entities made from the descriptor; empty when it has errors. */
  entities: Entity[];
  /** Why the descriptor was refused: unreadable, not a known standard, or invalid. */
  errors: DescriptorIssue[];
  /**
   * The step that refused it: `read` (too large, not YAML, an alias bomb), `recognise` (none
   * of the standards) or `validate`; undefined when it was accepted.
   */
  failedAt?: 'read' | 'recognise' | 'validate';
  warnings: DescriptorIssue[];
}

export const NOT_A_DESCRIPTOR_MESSAGE =
  'not a descriptor of a supported standard: expected ODPS (apiVersion v1.x.x, kind DataProduct), ODCS (apiVersion v3.x.x, kind DataContract), the Data Contract Specification (dataContractSpecification) or DPDS (dataProductDescriptor)';

/**
 * Reads one descriptor file end to end: parse safely, recognise the standard, validate by
 * the declared version's rules, convert to catalog entities. Never throws for bad input:
 * what is wrong comes back in `errors`, each with its field path. The catalog processor
 * and the `datamesh` CLI both use this, so they give the same verdicts.
 */
export function readDescriptor(
  text: string,
  context: Omit<ConversionContext, 'rawText'> = {},
  limits: ParseLimits = {},
): DescriptorReadResult {
  let document: unknown;
  try {
    document = parseDescriptor(text, limits);
  } catch (error) {
    if (error instanceof DescriptorParseError) {
      return refused('read', [{ path: '', message: error.message }]);
    }
    throw error;
  }

  const match = detectDescriptor(document);
  if (!match) {
    return refused('recognise', [
      { path: '', message: NOT_A_DESCRIPTOR_MESSAGE },
    ]);
  }
  const { format, detected } = match;
  const validation = format.validate(document);
  if (!validation.valid) {
    return {
      detected,
      validation,
      entities: [],
      errors: validation.errors,
      warnings: validation.warnings,
      failedAt: 'validate',
    };
  }
  const conversion = format.convert(document, { ...context, rawText: text });
  return {
    detected,
    validation,
    entities: conversion.entities,
    errors: [],
    warnings: [...validation.warnings, ...conversion.warnings],
  };
}

function refused(
  failedAt: 'read' | 'recognise',
  errors: DescriptorIssue[],
): DescriptorReadResult {
  return { entities: [], errors, warnings: [], failedAt };
}
