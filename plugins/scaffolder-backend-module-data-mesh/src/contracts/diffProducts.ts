import { Change, breaking, classificationChange, nonBreaking } from './changes';

/** The parts of a product the diff compares. */
export interface ProductShape {
  classification?: string;
  outputPorts?: Array<{
    name: string;
    type?: string;
    address?: string;
    contractId?: string;
  }>;
  inputPorts?: Array<{ name: string }>;
}

/**
 * What changes for a product's consumers: a dropped port, or a port that moves (new type,
 * address or contract), breaks those who read it; a tighter classification takes access
 * away. New ports and new inputs break no one.
 */
export function diffProducts(
  before: ProductShape,
  after: ProductShape,
): Change[] {
  const changes: Change[] = [];
  const classification = classificationChange(
    'classification',
    before.classification,
    after.classification,
  );
  if (classification) {
    changes.push(classification);
  }
  const afterPorts = after.outputPorts ?? [];
  const beforePorts = before.outputPorts ?? [];
  for (const port of beforePorts) {
    const path = `outputPorts[${port.name}]`;
    const match = afterPorts.find(p => p.name === port.name);
    if (!match) {
      changes.push(
        breaking(path, 'port dropped: consumers that read it break'),
      );
      continue;
    }
    for (const field of ['type', 'address', 'contractId'] as const) {
      if (port[field] !== match[field]) {
        changes.push(
          breaking(
            path,
            `${field} changed from ${port[field] ?? 'none'} to ${
              match[field] ?? 'none'
            }: consumers that read it break`,
          ),
        );
      }
    }
  }
  for (const port of afterPorts) {
    if (!beforePorts.some(p => p.name === port.name)) {
      changes.push(nonBreaking(`outputPorts[${port.name}]`, 'port added'));
    }
  }
  const beforeInputs = new Set((before.inputPorts ?? []).map(p => p.name));
  const afterInputs = new Set((after.inputPorts ?? []).map(p => p.name));
  for (const name of afterInputs) {
    if (!beforeInputs.has(name)) {
      changes.push(nonBreaking(`inputPorts[${name}]`, 'input added'));
    }
  }
  for (const name of beforeInputs) {
    if (!afterInputs.has(name)) {
      changes.push(nonBreaking(`inputPorts[${name}]`, 'input removed'));
    }
  }
  return changes;
}
