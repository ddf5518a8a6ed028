import {
  createAccessRequestSchema,
  type CreateAccessRequest,
} from '@datamesh/plugin-data-access-common';
import { isAfterToday } from '../../lib/dates';

/** What the dialog's fields hold, as typed. */
export interface RequestFormValues {
  outputPort: string;
  purposeCategory: string;
  purposeText: string;
  /** An ISO day, or empty for open-ended access. */
  endDate: string;
  /** An entity ref, or empty when the requester consumes the data themselves. */
  consumer: string;
}

/** The fields that can carry a message, named like the API body's paths. */
export type RequestFormField =
  | 'outputPort'
  | 'purpose.category'
  | 'purpose.text'
  | 'endDate'
  | 'consumer';

const FORM_FIELDS: readonly string[] = [
  'outputPort',
  'purpose.category',
  'purpose.text',
  'endDate',
  'consumer',
];

export type RequestFormErrors = Partial<Record<RequestFormField, string>>;

export type RequestFormResult =
  | { ok: true; body: CreateAccessRequest }
  | { ok: false; errors: RequestFormErrors; general?: string };

function sentence(message: string): string {
  return message.charAt(0).toLocaleUpperCase() + message.slice(1);
}

/**
 * Turns the form into the API body with the same zod schema the backend validates with,
 * so each field shows the message the server would give, before anything is sent. The
 * one rule the schema cannot hold (an end date after today) is checked here too.
 */
export function validateRequestForm(
  dataProduct: string,
  values: RequestFormValues,
  now: Date = new Date(),
): RequestFormResult {
  const candidate = {
    dataProduct,
    outputPort: values.outputPort,
    purpose: { category: values.purposeCategory, text: values.purposeText },
    ...(values.consumer ? { consumer: values.consumer } : {}),
    ...(values.endDate ? { endDate: values.endDate } : {}),
  };
  const errors: RequestFormErrors = {};
  let general: string | undefined;

  const parsed = createAccessRequestSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.');
      if (FORM_FIELDS.includes(path)) {
        errors[path as RequestFormField] ??= sentence(issue.message);
      } else {
        general ??= `${path || 'request'}: ${issue.message}`;
      }
    }
  }
  if (values.endDate && !errors.endDate && !isAfterToday(values.endDate, now)) {
    errors.endDate = 'Expected a day after today';
  }

  if (parsed.success && !general && Object.keys(errors).length === 0) {
    return { ok: true, body: parsed.data };
  }
  return { ok: false, errors, general };
}
