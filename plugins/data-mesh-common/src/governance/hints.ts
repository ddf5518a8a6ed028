import type { Entity } from '@backstage/catalog-model';
import { ANNOTATION_DESCRIPTOR_STANDARD } from '../kinds/constants';

// Where an entity field comes from in the descriptor a team edits: an owner fixes the file,
// not the catalog entity, so a message names the file's field too.

const ODPS: Record<string, string> = {
  'metadata.name': 'id',
  'metadata.title': 'name',
  'spec.domain': 'domain',
  'spec.owner': 'the owner custom property (customProperties)',
  'spec.lifecycle': 'status',
  'spec.type': 'the dataProductType custom property (customProperties)',
  'spec.version': 'version',
  'spec.classification':
    'the classification custom property (customProperties)',
  'spec.description': 'description',
  'spec.description.purpose': 'description.purpose',
  'spec.description.limitations': 'description.limitations',
  'spec.description.usage': 'description.usage',
  'spec.sla': 'the updateFrequency custom property (customProperties)',
  'spec.sla.updateFrequency':
    'the updateFrequency custom property (customProperties)',
  'spec.usage.license': 'the license custom property (customProperties)',
  'spec.outputPorts': 'outputPorts',
  'spec.inputPorts': 'inputPorts',
  'spec.support': 'support',
};

const DPDS: Record<string, string> = {
  'metadata.name': 'info.name',
  'spec.domain': 'info.domain',
  'spec.owner': 'info.owner.id',
  'spec.version': 'info.version',
  'spec.description': 'info.description',
  'spec.description.purpose': 'info.description',
  'spec.outputPorts': 'interfaceComponents.outputPorts',
  'spec.inputPorts': 'interfaceComponents.inputPorts',
};

const BY_STANDARD: Record<string, { label: string; fields: typeof ODPS }> = {
  odps: { label: 'ODPS descriptor', fields: ODPS },
  dpds: { label: 'DPDS descriptor', fields: DPDS },
};

/** ` (in the ODPS descriptor: description.purpose)`, or '' when the field has no known source. */
export function descriptorHint(entity: Entity, path: string): string {
  const standard =
    entity.metadata.annotations?.[ANNOTATION_DESCRIPTOR_STANDARD];
  const known = standard ? BY_STANDARD[standard] : undefined;
  const field = known?.fields[path.replace(/\[\d+\]/g, '')];
  return known && field ? ` (in the ${known.label}: ${field})` : '';
}
