import { parseEntityRef } from '@backstage/catalog-model';
import type { InputPortAnswer, ProductAnswers } from './answers';
import { contractIdOf } from './answers';

type CustomProperty = { property: string; value: unknown };

/**
 * A name for the descriptor: the plain name for the default namespace (as teams write it),
 * the full ref otherwise, so that the converter finds the same entity again.
 */
export function refForDescriptor(ref: string, defaultKind: string): string {
  const parsed = parseEntityRef(ref, {
    defaultKind,
    defaultNamespace: 'default',
  });
  return parsed.namespace === 'default'
    ? parsed.name
    : `${parsed.kind.toLocaleLowerCase('en-US')}:${parsed.namespace}/${
        parsed.name
      }`;
}

function properties(
  entries: Array<[string, unknown]>,
): CustomProperty[] | undefined {
  const list = entries
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([property, value]) => ({ property, value }));
  return list.length > 0 ? list : undefined;
}

function inputPort(port: InputPortAnswer) {
  return {
    name: port.name,
    version: port.version,
    contractId: port.contractId,
    customProperties: properties([
      ['dataProduct', port.dataProduct],
      ['source', port.source],
    ]),
  };
}

/** Drops undefined fields, so the YAML holds only what the answers say. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as T;
}

/**
 * The ODPS v1.0.0 product descriptor for the answers. What ODPS has no field for is written
 * with the suite's customProperties conventions (owner, classification, dataProductType,
 * license, redistribution, updateFrequency; a port's address and upstream product), which
 * the catalog module reads back; `accessPolicy` is kept for governance.
 */
export function buildOdps(answers: ProductAnswers): Record<string, unknown> {
  const contractId = contractIdOf(answers.name);
  return defined({
    apiVersion: 'v1.0.0',
    kind: 'DataProduct',
    id: answers.name,
    name: answers.title,
    version: answers.version,
    status: 'active',
    domain: refForDescriptor(answers.domain, 'domain'),
    description: defined({
      purpose: answers.purpose,
      limitations: answers.limitations || undefined,
      usage: answers.usage || undefined,
    }),
    tags: answers.tags?.length ? answers.tags : undefined,
    inputPorts: answers.inputPorts.length
      ? answers.inputPorts.map(inputPort)
      : undefined,
    outputPorts: answers.outputPorts.map(port =>
      defined({
        name: port.name,
        description: port.description || undefined,
        type: port.type,
        version: answers.version,
        contractId: port.contractId ?? contractId,
        customProperties: properties([['address', port.address]]),
      }),
    ),
    team: { name: refForDescriptor(answers.owner, 'group') },
    customProperties: properties([
      ['owner', answers.owner],
      ['dataProductType', answers.type],
      ['classification', answers.classification],
      ['accessPolicy', answers.accessPolicy],
      ['updateFrequency', answers.updateFrequency],
      ['license', answers.license],
      ['redistribution', answers.redistribution],
    ]),
  });
}
