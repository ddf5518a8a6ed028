import type {
  AuditorService,
  AuditorServiceCreateEventOptions,
  AuditorServiceEventSeverityLevel,
} from '@backstage/backend-plugin-api';
import type { Request } from 'express';

type JsonObject = NonNullable<AuditorServiceCreateEventOptions['meta']>;

/**
 * Runs a change through the auditor: the attempt is recorded before it runs, then its
 * success or its failure (refused, stale, invalid), so that every decision anyone tried
 * leaves a trace, not only those that went through.
 */
export async function audited<T>(
  auditor: AuditorService,
  options: {
    eventId: string;
    request: Request;
    meta: JsonObject;
    severityLevel?: AuditorServiceEventSeverityLevel;
  },
  change: () => Promise<T>,
  describe: (result: T) => JsonObject = () => ({}),
): Promise<T> {
  const event = await auditor.createEvent({
    eventId: options.eventId,
    request: options.request,
    severityLevel: options.severityLevel ?? 'medium',
    meta: options.meta,
  });
  try {
    const result = await change();
    await event.success({ meta: describe(result) });
    return result;
  } catch (error) {
    await event.fail({ error: error as Error });
    throw error;
  }
}
