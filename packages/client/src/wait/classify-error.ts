// The throttling codes are the client's own list, so getJob's `retryable` and the waiter's "slow down" agree.
import { THROTTLING_CODES } from "../normalize-error.js";

/** How a failed poll affects a wait. */
export type PollErrorKind = "not-found" | "throttled" | "transient" | "fatal";

/** A failed poll, read through the fields of `JobsApiError` (duck-typed, so a custom `getJob` can use them too). */
export interface ClassifiedPollError {
  readonly kind: PollErrorKind;
  readonly code: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly requestId: string | undefined;
}

/**
 * Sorts an error of `getJob`:
 * - `not-found`: code `Common.0011`/`common.0011` — the job is unknown or expired; the wait ends.
 * - `throttled`: HTTP 429 or a throttling code — retried, and a watcher slows every wait down.
 * - `transient`: any 5xx (500 included, though `getJob` itself does not retry it), 408, or anything
 *   with `retryable: true` (network, timeout) — retried within the deadline.
 * - `fatal`: everything else (400, 401, 403, 404, invalid input, bugs) — the wait ends with this error.
 */
export function classifyPollError(error: unknown): ClassifiedPollError {
  const e = (typeof error === "object" && error !== null ? error : {}) as Record<string, unknown>;
  const code = typeof e["code"] === "string" ? e["code"] : undefined;
  const retryAfter = e["retryAfterMs"];
  const retryAfterMs = typeof retryAfter === "number" && Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : undefined;
  const requestId = typeof e["requestId"] === "string" ? e["requestId"] : undefined;
  const lowerCode = code?.toLowerCase();
  let kind: PollErrorKind = "fatal";
  if (lowerCode === "common.0011") kind = "not-found";
  else if (e["status"] === 429 || (lowerCode !== undefined && THROTTLING_CODES.has(lowerCode))) kind = "throttled";
  else if (e["retryable"] === true || isTransientStatus(e["status"])) kind = "transient";
  return { kind, code, retryAfterMs, requestId };
}

function isTransientStatus(status: unknown): boolean {
  return typeof status === "number" && (status === 408 || (status >= 500 && status <= 599));
}
