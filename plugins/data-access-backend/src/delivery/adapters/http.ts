import { ServiceUnavailableError } from '@backstage/errors';

/** What a delivery system answered over HTTP, read in full. */
export interface HttpAnswer {
  status: number;
  body: string;
}

const MAX_BODY_IN_MESSAGES = 500;

/**
 * Sends one HTTP request with a timeout. Throws when the system cannot be reached (network
 * error, timeout): the worker retries those. Any HTTP status is returned for the caller to
 * judge.
 */
export async function sendHttp(
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
  timeoutMs: number,
): Promise<HttpAnswer> {
  const response = await fetch(url, {
    ...init,
    redirect: 'error',
    signal: AbortSignal.timeout(timeoutMs),
  });
  return { status: response.status, body: await response.text() };
}

/** 408 and 429 ask to come back later; other 4xx will not change by retrying. */
export function isRetryable(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}

export function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

/** A short, single-line excerpt of a body, for errors and failure reasons. */
export function excerpt(body: string): string {
  const text = body.replace(/\s+/g, ' ').trim();
  return text.length > MAX_BODY_IN_MESSAGES
    ? `${text.slice(0, MAX_BODY_IN_MESSAGES)}…`
    : text;
}

/** An answer that means "try again later"; thrown, the worker retries with backoff. */
export function unavailable(
  system: string,
  answer: HttpAnswer,
): ServiceUnavailableError {
  return new ServiceUnavailableError(
    `${system} answered HTTP ${answer.status}: ${excerpt(answer.body)}`,
  );
}

export function parseJson(system: string, answer: HttpAnswer): any {
  try {
    return JSON.parse(answer.body);
  } catch {
    throw new ServiceUnavailableError(
      `${system} answered HTTP ${
        answer.status
      } with a body that is not JSON: ${excerpt(answer.body)}`,
    );
  }
}
