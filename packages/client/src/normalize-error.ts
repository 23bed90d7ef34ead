import { JobsApiError } from "./errors.js";
import type { BodyText } from "./read-body.js";
import { redactJson, redactText } from "./redact.js";
import { parseRetryAfter } from "./retry-after.js";
import type { ServiceName } from "./service.js";

/** HTTP statuses worth sending the same GET again for. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

/**
 * API codes (lower-cased: VBS writes `common.` where ECS writes `Common.`) that mean
 * "throttled" whatever the status: ECS flow control
 * (Common.1503 at 429, Common.0024 at 202) and the HWC gateway (APIGW.0308).
 */
export const THROTTLING_CODES: ReadonlySet<string> = new Set(["common.1503", "common.0024", "apigw.0308"]);

/** Code, message and request id found in an error body, whichever envelope it used. */
export interface ErrorFields {
  readonly code?: string;
  readonly message?: string;
  readonly requestId?: string;
}

function text(value: unknown): string | undefined {
  if (typeof value === "string" && value.trim() !== "") return value.trim();
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}

/**
 * Reads the three error envelopes of facts 7.1 in the order the Go SDK does:
 * gateway `{error_code, error_msg, request_id}`, flat `{code, message}`,
 * then one level down into any object (which covers `{"error":{code,message}}`).
 */
export function extractErrorFields(body: unknown, depth = 0): ErrorFields {
  if (body === null || typeof body !== "object" || Array.isArray(body)) return {};
  const record = body as Record<string, unknown>;
  const requestId = text(record["request_id"]);
  const gateway = { code: text(record["error_code"]), message: text(record["error_msg"]) };
  const flat = { code: text(record["code"]), message: text(record["message"]) };
  const found = gateway.code || gateway.message ? gateway : flat.code || flat.message ? flat : undefined;
  if (found) return { ...found, ...(requestId ? { requestId } : {}) };
  if (depth > 0) return requestId ? { requestId } : {};
  const nested = [record["error"], ...Object.values(record)].find((value) => {
    const fields = extractErrorFields(value, depth + 1);
    return fields.code !== undefined || fields.message !== undefined;
  });
  const inner = extractErrorFields(nested, depth + 1);
  return { ...inner, ...(requestId ? { requestId } : {}) };
}

/** Parses JSON without throwing; `undefined` when the text is not (complete) JSON. */
export function parseJson(raw: string): { readonly value: unknown } | undefined {
  try {
    return { value: JSON.parse(raw) as unknown };
  } catch {
    return undefined;
  }
}

function describeBody(raw: string, truncated: boolean): string {
  const trimmed = raw.trim();
  if (trimmed === "") return "empty body";
  const title = /<title[^>]*>([^<]{1,200})<\/title>/i.exec(trimmed)?.[1]?.trim();
  if (/^<(!doctype|html|\?xml|head|body)/i.test(trimmed) || title) return title ? `HTML page "${title}"` : "HTML page";
  const start = trimmed.slice(0, 200).replace(/\s+/g, " ");
  return `unreadable body${truncated || trimmed.length > 200 ? " (cut)" : ""}: ${start}`;
}

/** What `errorFromResponse` needs to know besides the response. */
export interface ErrorContext {
  readonly service: ServiceName;
  /** Token, secret key, security token: replaced in everything the error carries. */
  readonly secrets: readonly string[];
  readonly now?: number;
}

/**
 * Turns a non-200 answer into a `JobsApiError`: code and message from the
 * body's envelope (else `HTTP_<status>` and a description of the body),
 * request id from `X-Request-Id` or the gateway body, `Retry-After` in ms.
 */
export function errorFromResponse(
  response: { readonly status: number; readonly statusText?: string; readonly headers: Headers },
  body: BodyText,
  context: ErrorContext,
): JobsApiError {
  const parsed = body.truncated ? undefined : parseJson(body.text);
  const fields = parsed ? extractErrorFields(parsed.value) : {};
  const code = redactText(fields.code ?? `HTTP_${response.status}`, context.secrets).slice(0, 100);
  const detail = fields.message ?? (parsed ? "JSON body without an error message" : describeBody(body.text, body.truncated));
  const requestId = response.headers.get("x-request-id")?.trim() || fields.requestId;
  return new JobsApiError({
    status: response.status,
    code,
    message: redactText(`HTTP ${response.status} from ${context.service} (${code}): ${detail.slice(0, 500)}`, context.secrets),
    service: context.service,
    requestId: requestId === undefined ? undefined : redactText(requestId, context.secrets).slice(0, 200),
    retryable: RETRYABLE_STATUSES.has(response.status) || THROTTLING_CODES.has(code.toLowerCase()),
    retryAfterMs: parseRetryAfter(response.headers.get("retry-after"), context.now),
    body: parsed ? redactJson(parsed.value, context.secrets) : body.text === "" ? undefined : redactText(body.text.slice(0, 2048), context.secrets),
  });
}
