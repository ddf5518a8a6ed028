import type { EntityLink } from '@backstage/catalog-model';
import {
  contractApiEntity,
  descriptorAnnotations,
  toEntityName,
  toTags,
} from '../entities';
import type {
  ConversionContext,
  ConversionResult,
  DescriptorIssue,
} from '../types';
import { lifecycleFromStatus, refOrFallback } from '../conversion';
import { detectDcs, isMapping } from './detect';
import { dcsSummary } from './summary';

/**
 * The owner as an entity reference: `info.owner` as written when it is one, otherwise the
 * group of that name (`Checkout Team` → `group:default/checkout-team`); then the catalog's
 * default owner; then `unknown`, with a warning.
 */
export function ownerRef(
  owner: unknown,
  context: ConversionContext,
  warnings: DescriptorIssue[],
): string {
  return refOrFallback({
    kind: 'group',
    field: 'info.owner',
    named: owner,
    fallback: context.defaultOwner,
    warnings,
  });
}

/** The entity name from `id`, else from `info.title`, so a valid contract always converts. */
function entityName(
  id: string,
  title: unknown,
  warnings: DescriptorIssue[],
): string {
  const candidates: Array<[string, unknown]> = [
    ['id', id],
    ['info.title', title],
  ];
  for (const [path, value] of candidates) {
    if (typeof value !== 'string') {
      continue;
    }
    try {
      const name = toEntityName(value);
      if (path !== 'id') {
        warnings.push({
          path: 'id',
          message: `"${id}" cannot be an entity name (letters or digits needed); named after ${path}`,
        });
      }
      return name;
    } catch {
      // Try the next candidate.
    }
  }
  warnings.push({
    path: 'id',
    message: `neither id "${id}" nor info.title can be an entity name; named "data-contract"`,
  });
  return 'data-contract';
}

/** Only web addresses become entity links: the page renders them as clickable. */
const WEB_ADDRESS = /^https?:\/\//i;

function entityLinks(
  document: Record<string, unknown>,
  warnings: DescriptorIssue[],
): EntityLink[] {
  const links: EntityLink[] = [];
  const info = isMapping(document.info) ? document.info : {};
  const contact = isMapping(info.contact) ? info.contact : {};
  if (typeof contact.url === 'string' && WEB_ADDRESS.test(contact.url)) {
    const name = typeof contact.name === 'string' ? `: ${contact.name}` : '';
    links.push({ url: contact.url, title: `Contact${name}` });
  }
  const named = isMapping(document.links) ? document.links : {};
  for (const [title, url] of Object.entries(named)) {
    if (typeof url !== 'string') {
      continue;
    }
    if (WEB_ADDRESS.test(url)) {
      links.push({ url, title });
    } else {
      warnings.push({
        path: `links.${title}`,
        message: `only http(s) addresses become links of the entity; "${url}" is kept in the definition`,
      });
    }
  }
  return links;
}

/** One `API` entity of type data-contract from a validated Data Contract Specification document. */
export function convertDcs(
  document: unknown,
  context: ConversionContext,
): ConversionResult {
  const warnings: DescriptorIssue[] = [];
  const contract = isMapping(document) ? document : {};
  const info = isMapping(contract.info) ? contract.info : {};
  const declaredVersion = detectDcs(document)?.declaredVersion ?? '';
  const id = typeof contract.id === 'string' ? contract.id : '';
  const title = typeof info.title === 'string' ? info.title : undefined;
  const description =
    typeof info.description === 'string' ? info.description.trim() : '';

  const entity = contractApiEntity({
    name: entityName(id, title, warnings),
    title,
    description: description || undefined,
    owner: ownerRef(info.owner, context, warnings),
    lifecycle: lifecycleFromStatus(
      typeof info.status === 'string' ? info.status : undefined,
    ),
    tags: toTags(contract.tags),
    annotations: descriptorAnnotations(
      context,
      'dcs',
      declaredVersion,
      id || undefined,
    ),
    rawText: context.rawText,
    summary: dcsSummary(contract, declaredVersion, warnings),
  });
  const links = entityLinks(contract, warnings);
  if (links.length > 0) {
    entity.metadata.links = links;
  }
  return { entities: [entity], warnings };
}
