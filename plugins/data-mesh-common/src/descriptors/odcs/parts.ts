import { z } from 'zod';
import {
  anyValue,
  dateString,
  dispatch,
  fields,
  listOrObject,
  scalar,
  SchemaOptions,
  stableId,
  when,
} from './shapes';

/**
 * The small parts a contract reuses in many places: tags, custom properties, authoritative
 * definitions, roles, support channels, pricing, team, SLA properties. Before v3.1.0 they
 * accept fields they do not define; from v3.1.0 they are closed (see OdcsFeatures).
 */

export const tags = () => z.array(z.string());

export function customProperties(options: SchemaOptions): z.ZodType {
  const { closedParts } = options.features;
  const property = fields(
    {
      ...stableId(options),
      property: closedParts ? z.string() : z.string().optional(),
      // v3.1.0 requires a value, which may be null; before, nothing is required.
      value: anyValue(closedParts),
      ...when(closedParts, { description: z.string().optional() }),
    },
    closedParts,
    options,
  );
  return z.array(property);
}

export function authoritativeDefinitions(options: SchemaOptions): z.ZodType {
  const { closedParts } = options.features;
  return z.array(
    fields(
      {
        ...stableId(options),
        url: z.string(),
        type: z.string(),
        ...when(closedParts, { description: z.string().optional() }),
      },
      closedParts,
      options,
    ),
  );
}

export function role(options: SchemaOptions): z.ZodType {
  const { closedParts, descriptionCustomProperties } = options.features;
  return fields(
    {
      ...stableId(options),
      role: z.string(),
      description: z.string().optional(),
      access: z.string().optional(),
      firstLevelApprovers: z.string().optional(),
      secondLevelApprovers: z.string().optional(),
      ...when(descriptionCustomProperties, {
        customProperties: customProperties(options).optional(),
      }),
    },
    closedParts,
    options,
  );
}

export function supportChannel(options: SchemaOptions): z.ZodType {
  const { closedParts } = options.features;
  return fields(
    {
      ...stableId(options),
      channel: z.string(),
      // v3.1.0 makes the url optional: a Slack channel or a team name is enough.
      url: closedParts ? z.string().optional() : z.string(),
      description: z.string().optional(),
      tool: z.string().optional(),
      scope: z.string().optional(),
      invitationUrl: z.string().optional(),
      ...when(closedParts, {
        customProperties: customProperties(options).optional(),
      }),
    },
    closedParts,
    options,
  );
}

export function pricing(options: SchemaOptions): z.ZodType {
  return fields(
    {
      ...stableId(options),
      priceAmount: z.number().optional(),
      priceCurrency: z.string().optional(),
      priceUnit: z.string().optional(),
    },
    options.features.closedParts,
    options,
  );
}

function teamMember(options: SchemaOptions): z.ZodType {
  const { teamObject, teamMemberNames } = options.features;
  return fields(
    {
      ...stableId(options),
      // v3.1.0 requires the username of each member.
      username: teamObject ? z.string() : z.string().optional(),
      ...when(teamMemberNames, {
        name: z.string().optional(),
        description: z.string().optional(),
      }),
      role: z.string().optional(),
      dateIn: dateString(),
      dateOut: dateString(),
      replacedByUsername: z.string().optional(),
      ...when(teamObject, {
        tags: tags().optional(),
        customProperties: customProperties(options).optional(),
        authoritativeDefinitions: authoritativeDefinitions(options).optional(),
      }),
    },
    options.features.closedParts,
    options,
  );
}

/** v3.0: a list of members; v3.1+: an object with a name and members, or the old list. */
export function team(options: SchemaOptions): z.ZodType {
  const members = z.array(teamMember(options));
  if (!options.features.teamObject) {
    return members;
  }
  const teamObject = fields(
    {
      ...stableId(options),
      name: z.string().optional(),
      description: z.string().optional(),
      members: members.optional(),
      tags: tags().optional(),
      customProperties: customProperties(options).optional(),
      authoritativeDefinitions: authoritativeDefinitions(options).optional(),
    },
    true,
    options,
  );
  return listOrObject(members, teamObject);
}

export function slaProperty(options: SchemaOptions): z.ZodType {
  const { closedParts } = options.features;
  return fields(
    {
      ...stableId(options),
      property: z.string(),
      value: scalar(true),
      valueExt: scalar(),
      unit: z.string().optional(),
      element: z.string().optional(),
      driver: z.string().optional(),
      ...when(closedParts, {
        description: z.string().optional(),
        scheduler: z.string().optional(),
        schedule: z.string().optional(),
      }),
    },
    closedParts,
    options,
  );
}

/** `description` is open in every version: fields beyond these are kept. */
export function contractDescription(options: SchemaOptions): z.ZodType {
  const { rootDefinitions, descriptionCustomProperties } = options.features;
  return z.looseObject({
    usage: z.string().optional(),
    purpose: z.string().optional(),
    limitations: z.string().optional(),
    ...when(rootDefinitions, {
      authoritativeDefinitions: authoritativeDefinitions(options).optional(),
    }),
    ...when(descriptionCustomProperties, {
      customProperties: customProperties(options).optional(),
    }),
  });
}

/** v3.2.0 `context`: plain instructions, or instructions with verified statements and constraints, for AI agents. */
export function context(options: SchemaOptions): z.ZodType {
  const statement = (required: 'question' | 'constraint') =>
    fields(
      {
        id: z.string().optional(),
        ...(required === 'question'
          ? { question: z.string(), answer: z.string().optional() }
          : { constraint: z.string() }),
        authoritativeDefinitions: authoritativeDefinitions(options).optional(),
        tags: tags().optional(),
        customProperties: customProperties(options).optional(),
      },
      true,
      options,
    );
  const structured = fields(
    {
      instructions: z.string().optional(),
      verifiedStatements: z.array(statement('question')).optional(),
      constraints: z.array(statement('constraint')).optional(),
    },
    true,
    options,
  );
  return dispatch(value =>
    typeof value === 'string' ? z.string() : structured,
  );
}
