import { z } from 'zod';
import { metricsRef } from '../refs';
import {
  getPluginJson,
  parseInstant,
  type PluginClientDeps,
} from './pluginClient';

/** A run of a Software Template, as the scaffolder lists its tasks. */
export interface TemplateRun {
  /** The scaffolder task id. */
  id: string;
  /** Ref of the template that ran, lower case. */
  templateRef: string;
  /** When the run was created (the user pressed Create): the start of cycles 1 and 2. */
  createdAt: string;
  status: string;
  /** The answers of the form. */
  parameters: Record<string, unknown>;
}

/** The part of the scaffolder's SerializedTask (GET /v2/tasks) the metrics read. */
const taskSchema = z.object({
  id: z.string(),
  status: z.string(),
  createdAt: z.string(),
  spec: z.object({
    templateInfo: z.object({ entityRef: z.string() }).optional(),
    parameters: z.record(z.string(), z.unknown()).optional(),
  }),
});
const pageSchema = z.object({ tasks: z.array(z.unknown()) });

const PAGE_SIZE = 100;
/** A bound on one run's work, whatever the scaffolder answers. */
const MAX_PAGES = 500;

function toRun(task: unknown): TemplateRun | undefined {
  const parsed = taskSchema.safeParse(task);
  if (!parsed.success) {
    return undefined;
  }
  const { id, status, createdAt, spec } = parsed.data;
  const templateRef = metricsRef(spec.templateInfo?.entityRef, {
    defaultKind: 'template',
  });
  const created = parseInstant(createdAt);
  if (!templateRef || !created) {
    return undefined;
  }
  return {
    id,
    templateRef,
    createdAt: created,
    status,
    parameters: spec.parameters ?? {},
  };
}

/**
 * The template runs created since `since`, newest first, a page at a time. Newest first
 * also makes offset paging safe: runs created meanwhile push older ones down a page, so
 * one may be read twice (ids dedupe it) but none is skipped.
 */
export async function readTemplateRuns(
  deps: PluginClientDeps,
  options: { since: Date; signal?: AbortSignal },
): Promise<TemplateRun[]> {
  const runs = new Map<string, TemplateRun>();
  const since = options.since.toISOString();
  for (let page = 0; page < MAX_PAGES; page++) {
    const body = pageSchema.parse(
      await getPluginJson(
        deps,
        'scaffolder',
        `/v2/tasks?order=desc:created_at&limit=${PAGE_SIZE}&offset=${
          page * PAGE_SIZE
        }`,
        options.signal,
      ),
    );
    let reachedSince = false;
    for (const task of body.tasks) {
      const run = toRun(task);
      if (run && run.createdAt >= since) {
        runs.set(run.id, run);
      } else if (run) {
        reachedSince = true;
      }
    }
    if (body.tasks.length < PAGE_SIZE || reachedSince) {
      break;
    }
  }
  return [...runs.values()];
}
