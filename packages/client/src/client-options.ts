import type { Cloud } from "./endpoint.js";
import { InvalidArgumentError } from "./errors.js";
import type { RetryOptions } from "./retry.js";
import type { ServiceName } from "./service.js";

/** IAM token auth: sends `X-Auth-Token`. */
export interface TokenAuth {
  readonly token: string;
}

/** AK/SK auth: every request is signed with SDK-HMAC-SHA256 (`X-Project-Id` and `X-Security-Token` signed too). */
export interface AkSkAuth {
  readonly accessKey: string;
  readonly secretKey: string;
  /** Security token of temporary (STS) credentials. */
  readonly securityToken?: string | undefined;
}

/** How requests authenticate. */
export type Auth = TokenAuth | AkSkAuth;

/** A `fetch` the client can call; the global `fetch` fits. */
export type FetchLike = (request: Request) => Promise<Response>;

/** Options of `createJobsClient`. */
export interface JobsClientOptions<S extends ServiceName = ServiceName> {
  /** `"ecs"`, `"bms"`, `"evs"` or `"vbs"`; decides the host and the job type returned. */
  readonly service: S;
  /** Project id (32 lower-case hex characters), the `{project_id}` of the path. */
  readonly projectId: string;
  /** Region id, e.g. `eu-de`; required unless `endpoint` is given. */
  readonly region?: string | undefined;
  /** `"otc"` (default) or `"huaweicloud"`. */
  readonly cloud?: Cloud | undefined;
  /** Whole base URL, e.g. `http://127.0.0.1:4010`; wins over `region`/`cloud`. */
  readonly endpoint?: string | URL | undefined;
  readonly auth: Auth;
  /** `fetch` to use (default: the global one). Tests inject one here. */
  readonly fetch?: FetchLike | undefined;
  /** Deadline of one `getJob` call, retries and backoff included. Default 30 000 ms; `Infinity` for none. */
  readonly timeoutMs?: number | undefined;
  /** Retry policy (see `RetryOptions` for defaults), or `false` for none. */
  readonly retry?: RetryOptions | false | undefined;
}

/** Options of one `getJob` call. */
export interface GetJobOptions {
  /** Cancels the request and any backoff sleep; the call rejects with the signal's reason. */
  readonly signal?: AbortSignal | undefined;
  /** Overrides the client's retry policy for this call; `false` sends exactly one request. */
  readonly retry?: RetryOptions | false | undefined;
  /** Overrides the client's `timeoutMs` for this call. */
  readonly timeoutMs?: number | undefined;
}

/** Default deadline of a `getJob` call. */
export const DEFAULT_TIMEOUT_MS = 30_000;

const VISIBLE_ASCII = /^[\x21-\x7e]+$/;

/**
 * Checks auth before any request; messages name the field, never its value.
 * Returns the values that must never appear in an error.
 */
export function checkAuth(auth: unknown): string[] {
  if (auth === null || typeof auth !== "object") throw new InvalidArgumentError("auth", "give { token } or { accessKey, secretKey }");
  const a = auth as Record<string, unknown>;
  if ("token" in a) {
    if (typeof a["token"] !== "string" || !VISIBLE_ASCII.test(a["token"])) {
      throw new InvalidArgumentError("auth.token", "must be a non-empty string of visible ASCII characters");
    }
    return [a["token"]];
  }
  if (typeof a["accessKey"] !== "string" || !VISIBLE_ASCII.test(a["accessKey"])) {
    throw new InvalidArgumentError("auth.accessKey", "must be a non-empty string of visible ASCII characters");
  }
  if (typeof a["secretKey"] !== "string" || a["secretKey"] === "") {
    throw new InvalidArgumentError("auth.secretKey", "must be a non-empty string");
  }
  const sts = a["securityToken"];
  if (sts !== undefined && (typeof sts !== "string" || !VISIBLE_ASCII.test(sts))) {
    throw new InvalidArgumentError("auth.securityToken", "must be a non-empty string of visible ASCII characters");
  }
  return sts === undefined ? [a["secretKey"]] : [a["secretKey"], sts];
}

/** Checks a `timeoutMs` option: a positive number (or `Infinity`). */
export function checkTimeout(timeoutMs: unknown, argument = "timeoutMs"): void {
  if (timeoutMs === undefined) return;
  if (typeof timeoutMs !== "number" || !(timeoutMs > 0)) throw new InvalidArgumentError(argument, "must be a positive number of milliseconds");
}

/** Checks a `retry` option: `false` or `RetryOptions` with sane numbers and functions. */
export function checkRetry(retry: unknown, argument = "retry"): void {
  if (retry === undefined || retry === false) return;
  if (retry === null || typeof retry !== "object") throw new InvalidArgumentError(argument, "must be false or an object");
  const r = retry as Record<string, unknown>;
  const attempts = r["maxAttempts"];
  if (attempts !== undefined && !(Number.isInteger(attempts) && (attempts as number) >= 1)) {
    throw new InvalidArgumentError(`${argument}.maxAttempts`, "must be an integer of at least 1");
  }
  for (const key of ["baseDelayMs", "maxDelayMs", "maxRetryAfterMs"]) {
    const value = r[key];
    if (value !== undefined && !(typeof value === "number" && value >= 0)) {
      throw new InvalidArgumentError(`${argument}.${key}`, "must be a number of milliseconds, 0 or more");
    }
  }
  for (const key of ["shouldRetry", "onRetry", "random"]) {
    if (r[key] !== undefined && typeof r[key] !== "function") throw new InvalidArgumentError(`${argument}.${key}`, "must be a function");
  }
}
