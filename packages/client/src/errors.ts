import type { ServiceName } from "./service.js";

/**
 * `code` of a `JobsApiError` raised by the client itself rather than taken
 * from the API's error body.
 */
export type ClientErrorCode = "NETWORK_ERROR" | "TIMEOUT" | "INVALID_RESPONSE" | `HTTP_${number}`;

/** What a `JobsApiError` is built from. */
export interface JobsApiErrorInit {
  readonly status: number | undefined;
  readonly code: string;
  readonly message: string;
  readonly service: ServiceName;
  readonly retryable: boolean;
  readonly requestId?: string | undefined;
  readonly retryAfterMs?: number | undefined;
  readonly body?: unknown;
  readonly cause?: unknown;
}

/**
 * An HTTP or API error of the job API, normalised from whichever envelope the
 * server used (`{"error":{code,message}}`, `{code,message}`,
 * `{error_code,error_msg,request_id}`), an HTML page or an empty body; also
 * network failures (`NETWORK_ERROR`), timeouts (`TIMEOUT`) and a 200 that is
 * not a job (`INVALID_RESPONSE`). Never carries a token or secret key.
 *
 * @example
 * try { await client.getJob(id) } catch (e) {
 *   if (e instanceof JobsApiError && e.code === "Common.0011") console.log("no such job", e.requestId);
 * }
 */
export class JobsApiError extends Error {
  override readonly name = "JobsApiError";
  /** HTTP status; `undefined` for network errors and timeouts. */
  readonly status: number | undefined;
  /** The API's code (e.g. `Common.0011`, `APIGW.0301`) or a `ClientErrorCode`. */
  readonly code: string;
  /** Service that answered (or was asked). */
  readonly service: ServiceName;
  /** `X-Request-Id` response header, or `request_id` of a gateway error body. */
  readonly requestId: string | undefined;
  /** True when sending the same request again may succeed (429, 502, 503, 504, throttling codes, network, timeout). */
  readonly retryable: boolean;
  /** Delay the server asked for in `Retry-After`, in milliseconds. */
  readonly retryAfterMs: number | undefined;
  /** Parsed error body (JSON value, or text cut to 2 KB), credentials redacted. */
  readonly body: unknown;

  constructor(init: JobsApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.service = init.service;
    this.requestId = init.requestId;
    this.retryable = init.retryable;
    this.retryAfterMs = init.retryAfterMs;
    this.body = init.body;
  }

  /** Plain-data view for logs: `JSON.stringify(error)` shows the fields, not `{}`. */
  toJSON(): Record<string, unknown> {
    const cause = this.cause instanceof Error ? { name: this.cause.name, message: this.cause.message } : this.cause;
    const { name, code, message, status, service, requestId, retryable, retryAfterMs, body } = this;
    return { name, code, message, status, service, requestId, retryable, retryAfterMs, body, cause };
  }
}

/**
 * A caller-supplied value was rejected before anything was sent (a job id
 * with `../`, an empty project id, a missing secret key, …).
 */
export class InvalidArgumentError extends Error {
  override readonly name = "InvalidArgumentError";
  readonly code = "INVALID_ARGUMENT";
  /** Name of the offending argument, e.g. `jobId`, `projectId`, `auth.secretKey`. */
  readonly argument: string;

  constructor(argument: string, reason: string) {
    super(`Invalid ${argument}: ${reason}`);
    this.argument = argument;
  }

  /** Plain-data view for logs. */
  toJSON(): Record<string, unknown> {
    const { name, code, argument, message } = this;
    return { name, code, argument, message };
  }
}

/**
 * The plain object `toJSON` returns: `keys`, in this order, read off the error.
 * The waiter's error classes serialise through it, so each only lists its fields. (`JobsApiError` and
 * `InvalidArgumentError` spell theirs out: there it bundles smaller, as the getJob-only bundle need not carry it.)
 */
export function errorJson(error: object, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, (error as Record<string, unknown>)[key]]));
}
