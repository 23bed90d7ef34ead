import { JobsApiError } from "./errors.js";
import { errorFromResponse } from "./normalize-error.js";
import { readBodyText } from "./read-body.js";
import { invalidResponse, networkError, type TransportContext } from "./transport-errors.js";

/** Error bodies are read up to this size; the rest is dropped. */
export const MAX_ERROR_BODY_BYTES = 64 * 1024;

function looksLikeResponse(value: unknown): value is Response {
  const r = value as Partial<Response> | null;
  return typeof r === "object" && r !== null && typeof r.status === "number" && typeof r.headers?.get === "function";
}

function settleOrAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/**
 * Calls `fetch` for one attempt and turns every answer that is not a 2xx into
 * a `JobsApiError`, so openapi-fetch only ever sees success. The signal
 * settles the call even when an injected `fetch` ignores it. Redirects are
 * not followed: the credentials headers would go to wherever `Location` points.
 */
export async function send(
  fetchFn: (request: Request) => Promise<Response>,
  request: Request,
  signal: AbortSignal,
  context: TransportContext,
): Promise<Response> {
  if (signal.aborted) throw signal.reason;
  let response: unknown;
  try {
    response = await settleOrAbort(Promise.resolve().then(() => fetchFn(request)), signal);
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    if (error instanceof JobsApiError) throw error;
    throw networkError(context, error);
  }
  if (!looksLikeResponse(response)) throw invalidResponse(context, undefined, "something that is not a Response");
  // Browsers hide the status of a redirect not followed (type "opaqueredirect", status 0).
  if (response.type === "opaqueredirect") throw invalidResponse(context, undefined, "a redirect, which is not followed");
  if (response.status >= 300 && response.status < 400) {
    throw new JobsApiError({
      status: response.status,
      code: `HTTP_${response.status}`,
      message: `${context.service} answered with a redirect, which is not followed (credentials would go along)`,
      service: context.service,
      retryable: false,
    });
  }
  if (response.status === 0 || response.type === "error") throw networkError(context, new Error("network error response"));
  if (response.status >= 200 && response.status < 300) return response;
  const body = await readBodyText(response.body, MAX_ERROR_BODY_BYTES, signal).catch(() => {
    if (signal.aborted) throw signal.reason;
    return { text: "", truncated: false };
  });
  throw errorFromResponse(response, body, context);
}
