import { z } from 'zod';
import { typedObject } from './checks';
import {
  DcsVersion,
  FILE_FORMATS,
  JSON_DELIMITERS,
  since,
  until,
} from './features';

/*
 * `servers.<name>`: where the data is served. Each server type has its own required
 * fields. Up to 0.9.3 a server must be one of the listed types; 1.1.0 adds fields every
 * server may have (environment, roles) and still lists the types; from 1.2.0 on any type is
 * accepted and the listed ones are checked by their own rules. (The 1.x schemas put those
 * rules in an `allOf` beside a `$ref`; strict draft-07 readers ignore it, ajv and the
 * specification's intent apply it, and so do we.)
 */

type Shape = Record<string, z.ZodType>;

interface ServerKind {
  /** Fields of this kind and their rules. */
  fields: Shape;
  required: string[];
}

const text = () => z.string();
const port = () => z.number().int();

function fileServer(location: z.ZodType): Shape {
  return {
    location,
    format: z.enum(FILE_FORMATS),
    delimiter: z.enum(JSON_DELIMITERS),
  };
}

/** The server kinds of one version, by the `type` that selects them. */
function serverKinds(version: DcsVersion): Record<string, ServerKind> {
  const kinds: Record<string, ServerKind> = {};
  const add = (types: string[], kind: ServerKind) => {
    for (const type of types) {
      kinds[type] = kind;
    }
  };

  // 0.9.x also accepts `BigQuery`; 1.1.0 still allows the spelling but checks only `bigquery`.
  add(until(version, '0.9.3') ? ['bigquery', 'BigQuery'] : ['bigquery'], {
    fields: { project: text(), dataset: text() },
    required: ['project', 'dataset'],
  });
  add(['s3'], {
    fields: since(version, '0.9.3')
      ? {
          ...fileServer(text()),
          endpointUrl: text(),
        }
      : { location: text() },
    required: ['location'],
  });
  add(['redshift'], {
    fields: {
      account: text(),
      database: text(),
      schema: text(),
      ...(since(version, '0.9.3')
        ? {
            host: text(),
            clusterIdentifier: text(),
            port: port(),
            endpoint: text(),
          }
        : {}),
    },
    required: ['account', 'database', 'schema'],
  });
  add(['snowflake'], {
    fields: { account: text(), database: text(), schema: text() },
    required: ['account', 'database', 'schema'],
  });
  if (until(version, '0.9.1')) {
    add(['databricks'], { fields: { share: text() }, required: ['share'] });
  } else {
    add(['databricks'], {
      fields: { host: text(), catalog: text(), schema: text() },
      // 0.9.2 also required the host; 0.9.3 made it optional.
      required:
        version === '0.9.2'
          ? ['host', 'catalog', 'schema']
          : ['catalog', 'schema'],
    });
  }
  add(['kafka'], {
    fields: {
      host: text(),
      topic: text(),
      ...(since(version, '0.9.2') ? { format: text() } : {}),
    },
    required: ['host', 'topic'],
  });

  if (since(version, '0.9.2')) {
    add(['postgres'], {
      fields: { host: text(), port: port(), database: text(), schema: text() },
      required: ['host', 'port', 'database', 'schema'],
    });
    add(['pubsub'], {
      fields: { project: text(), topic: text() },
      required: ['project', 'topic'],
    });
    add(['local'], {
      fields: { path: text(), format: text() },
      required: ['path', 'format'],
    });
  }

  if (since(version, '0.9.3')) {
    if (version === '0.9.3') {
      // Only 0.9.3 lists gcs; 1.1.0 dropped it (and 1.2.0 accepts any type again).
      add(['gcs'], {
        fields: fileServer(text()),
        required: ['location'],
      });
    }
    add(['sftp'], {
      fields: fileServer(
        since(version, '1.1.0') ? text().regex(/^sftp:\/\/.*/) : text(),
      ),
      required: ['location'],
    });
    add(['azure'], {
      fields: fileServer(text()),
      required: ['location', 'format'],
    });
    add(['sqlserver'], {
      fields: { host: text(), port: port(), database: text(), schema: text() },
      required: ['host', 'database', 'schema'],
    });
    add(['dataframe'], { fields: {}, required: [] });
    add(['glue'], {
      fields: {
        account: text(),
        database: text(),
        location: text(),
        format: text(),
      },
      required: ['account', 'database'],
    });
    add(['oracle'], {
      fields: { host: text(), port: port(), serviceName: text() },
      required: ['host', 'port', 'serviceName'],
    });
    add(['kinesis'], {
      fields: { stream: text(), region: text(), format: text() },
      required: ['stream'],
    });
    add(['trino'], {
      fields: { host: text(), port: port(), catalog: text(), schema: text() },
      required: ['host', 'port', 'catalog', 'schema'],
    });
  }

  if (since(version, '1.2.0')) {
    add(['clickhouse'], {
      fields: { host: text(), port: port(), database: text() },
      required: ['host', 'port', 'database'],
    });
  }
  return kinds;
}

function kindSchema(kind: ServerKind) {
  const shape: Shape = {};
  for (const [name, rule] of Object.entries(kind.fields)) {
    shape[name] = kind.required.includes(name) ? rule : rule.optional();
  }
  return z.looseObject(shape);
}

/**
 * The rules of one server of `servers`. `openTypes` accepts types the version does not
 * list (for documents of a newer version than the suite knows).
 */
export function serverSchema(version: DcsVersion, openTypes: boolean) {
  const kinds = serverKinds(version);
  const listed = Object.keys(kinds);
  if (version === '1.1.0') {
    // 1.1.0 still lists this spelling as a type, without rules of its own.
    listed.push('BigQuery');
  }
  const anyType = openTypes || since(version, '1.2.0');
  const type = anyType ? z.string() : z.enum(listed);
  const base = since(version, '1.1.0')
    ? z.looseObject({
        type,
        description: z.string().optional(),
        environment: z.string().optional(),
        roles: z
          .array(
            z.looseObject({
              name: z.string(),
              description: z.string().optional(),
            }),
          )
          .optional(),
      })
    : z.looseObject({ type });
  const byType: Record<string, z.ZodType> = {};
  for (const [name, kind] of Object.entries(kinds)) {
    byType[name] = kindSchema(kind);
  }
  return typedObject({ base, byType });
}

/** `servers`: named servers. */
export function serversSchema(version: DcsVersion, openTypes: boolean) {
  const server = serverSchema(version, openTypes);
  // 0.9.3's schema declares `description` and `environment` on the servers map itself
  // (meant for each server, fixed in 1.1.0): there, a server by that name must be text.
  const misplaced =
    version === '0.9.3'
      ? {
          description: z.string().optional(),
          environment: z.string().optional(),
        }
      : {};
  return z.object(misplaced).catchall(server);
}
