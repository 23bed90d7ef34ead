import type { FetchLike } from "./client-options.js";
import { JobsApiError } from "./errors.js";
import { errorFromResponse } from "./normalize-error.js";
import { abortable, readBodyText } from "./read-body.js";
import { invalidResponse, networkError, type TransportContext } from "./transport-errors.js";

/** Error bodies are read up to this size; the rest is dropped. */
export const MAX_ERROR_BODY_BYTES = 64 * 1024;

function looksLikeResponse(value: unknown): value is Response {
  const r = value as Partial<Response> | null;
  return typeof r === "object" && r !== null && typeof r.status === "number" && typeof r.headers?.get === "function";
}

/**
 * Sends one attempt of `GET url` and turns every answer that is not a 2xx
 * into a `JobsApiError`. The global `fetch` gets the URL and init as they
 * are (building a `Request` first would make it copy one); an injected
 * `fetch` gets a `Request`, and the signal settles the call even when it
 * ignores the signal. Redirects are not followed: the credentials headers
 * would go to wherever `Location` points.
 */
export async function send(
  fetchFn: FetchLike | undefined,
  url: string,
  headers: Record<string, string>,
  signal: AbortSignal,
  context: TransportContext,
): Promise<Response> {
  if (signal.aborted) throw signal.reason;
  const init: RequestInit = { headers, signal, redirect: "manual" };
  // A rejection here is a network error; the caller turns it into one (or into the signal's reason).
  const response: unknown = await (fetchFn === undefined
    ? fetch(url, init)
    : abortable(Promise.resolve().then(() => fetchFn(new Request(url, init))), signal));
  if (!looksLikeResponse(response)) throw invalidResponse(context, undefined, "something that is not a Response");
  // Browsers hide the status of a redirect not followed (type "opaqueredirect", status 0).
  if (response.type === "opaqueredirect") throw invalidResponse(context, undefined, "a redirect, which is not followed");
  const { status } = response;
  if (status >= 200 && status < 300) return response;
  if (status >= 300 && status < 400) {
    throw new JobsApiError({
      status,
      code: `HTTP_${status}`,
      message: `${context.service} answered with a redirect, which is not followed (credentials would go along)`,
      service: context.service,
      retryable: false,
    });
  }
  if (status === 0 || response.type === "error") throw networkError(context, new Error("network error response"));
  const body = await readBodyText(response, MAX_ERROR_BODY_BYTES, signal, fetchFn === undefined).catch(() => {
    if (signal.aborted) throw signal.reason;
    return { text: "", truncated: false };
  });
  throw errorFromResponse(response, body, context);
}
