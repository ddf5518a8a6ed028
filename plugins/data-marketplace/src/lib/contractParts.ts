import type {
  ContractProperty,
  DataContractSummary,
} from '@datamesh/plugin-data-mesh-common';
import type { LocatedQualityRule, ServiceLevelRow } from './displayTypes';
import { asList, asRecord, asText } from './values';

/** Every quality rule of a contract: its own, its objects' and its properties'. */
export function contractQualityRules(
  summary: DataContractSummary,
  label: string,
): LocatedQualityRule[] {
  const located = (where: string, rules: unknown) =>
    asList(rules)
      .map(asRecord)
      .filter((rule): rule is Record<string, unknown> => Boolean(rule))
      .map(rule => ({ where, rule }));
  const fromProperties = (
    properties: ContractProperty[],
    prefix: string,
  ): LocatedQualityRule[] =>
    asList<ContractProperty>(properties).flatMap(property => [
      ...located(`${prefix}.${property.name}`, property.quality),
      ...fromProperties(
        asList<ContractProperty>(property.properties),
        `${prefix}.${property.name}`,
      ),
    ]);
  return [
    ...located(label, summary.quality),
    ...asList<DataContractSummary['objects'][number]>(summary.objects).flatMap(
      object => [
        ...located(`${label} › ${object.name}`, object.quality),
        ...fromProperties(object.properties, `${label} › ${object.name}`),
      ],
    ),
  ];
}

/** A contract's service levels (ODCS slaProperties, DCS servicelevels) as table rows. */
export function contractServiceLevels(
  summary: DataContractSummary,
): ServiceLevelRow[] {
  return asList<NonNullable<DataContractSummary['sla']>[number]>(summary.sla)
    .filter(level => asRecord(level) && asText(level.property))
    .map(level => ({
      property: level.property,
      value: level.value,
      unit: asText(level.unit),
      note: asText(level.element) && `applies to ${level.element}`,
    }));
}
