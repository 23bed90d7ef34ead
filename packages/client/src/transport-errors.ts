import { JobsApiError } from "./errors.js";
import { redactCause, redactText } from "./redact.js";
import type { ServiceName } from "./service.js";

/** Service and secrets, for the errors raised while sending. */
export interface TransportContext {
  readonly service: ServiceName;
  readonly secrets: readonly string[];
}

function describe(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  // undici says "fetch failed" and keeps the useful part (ECONNREFUSED, …) in `cause`.
  const inner = cause.cause as { code?: unknown; message?: unknown } | undefined;
  const code = typeof inner?.code === "string" ? inner.code : typeof inner?.message === "string" ? inner.message : undefined;
  return code ? `${cause.message} (${code})` : cause.message;
}

/** A request that got no HTTP answer (DNS, refused, reset, TLS, CORS). Retryable. */
export function networkError(context: TransportContext, cause: unknown): JobsApiError {
  return new JobsApiError({
    status: undefined,
    code: "NETWORK_ERROR",
    message: redactText(`no answer from ${context.service}: ${describe(cause)}`.slice(0, 600), context.secrets),
    service: context.service,
    retryable: true,
    cause: redactCause(cause, context.secrets),
  });
}

/** The call's deadline passed. Retryable (a later call may succeed), but the call itself is over. */
export function timeoutError(context: TransportContext, timeoutMs: number, lastError?: unknown): JobsApiError {
  return new JobsApiError({
    status: undefined,
    code: "TIMEOUT",
    message: `${context.service} job query timed out after ${timeoutMs} ms`,
    service: context.service,
    retryable: true,
    cause: lastError,
  });
}

/** An answer that is not a job: not JSON, not a job object, too large, or not a Response at all. */
export function invalidResponse(context: TransportContext, status: number | undefined, detail: string, requestId?: string): JobsApiError {
  return new JobsApiError({
    status,
    code: "INVALID_RESPONSE",
    message: redactText(`${context.service} answered${status === undefined ? "" : ` HTTP ${status}`} with ${detail}`, context.secrets),
    service: context.service,
    requestId,
    retryable: false,
  });
}
