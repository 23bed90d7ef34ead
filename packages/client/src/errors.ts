// Every error the package throws, and the one place that turns an HTTP answer into a `JobsApiError`.
import { RETRYABLE_STATUSES as CONTRACT_RETRYABLE_STATUSES } from "./generated/known-job-types.js";
import type { JobLike, ServiceName } from "./jobs.js";
import type { WaitState } from "./wait.js";

/** `code` of a `JobsApiError` raised by the client itself rather than taken from the API's error body. */
export type ClientErrorCode = "NETWORK_ERROR" | "TIMEOUT" | "INVALID_RESPONSE" | `HTTP_${number}`;

/** Every error of this package: `code` names it, and `toJSON` gives its fields, not `{}`, to a log line. */
export abstract class CloudJobsError extends Error {
  abstract readonly code: string;

  /** Plain-data view for logs: name, code, message and the error's own fields. */
  toJSON(): Record<string, unknown> {
    const { name, code, message } = this;
    const { lastError: _lastError, ...fields } = this as unknown as Record<string, unknown>; // a cause is not data
    return { name, code, message, ...fields };
  }
}

/** What a `JobsApiError` is built from. */
export interface JobsApiErrorInit {
  /** HTTP status; `undefined` for network errors and timeouts. */ readonly status: number | undefined;
  /** The API's code (e.g. `Common.0011`, `APIGW.0301`) or a `ClientErrorCode`. */ readonly code: string;
  readonly message: string;
  /** Service that answered (or was asked). */ readonly service: ServiceName;
  /** True when the same request may succeed if sent again (429, 502–504, throttling, network, timeout). */ readonly retryable: boolean;
  /** `X-Request-Id` response header, or `request_id` of a gateway error body. */ readonly requestId?: string | undefined;
  /** Delay the server asked for in `Retry-After`, in milliseconds. */ readonly retryAfterMs?: number | undefined;
  /** Parsed error body (JSON value, or text cut to 2 KB), credentials redacted. */ readonly body?: unknown;
  readonly cause?: unknown;
}

export interface JobsApiError extends Readonly<Required<Omit<JobsApiErrorInit, "message" | "cause">>> {}
/**
 * An HTTP or API error of the job API, normalised from whichever envelope the server used
 * (`{"error":{code,message}}`, `{code,message}`, `{error_code,error_msg,request_id}`), an HTML page or an empty body;
 * also network failures (`NETWORK_ERROR`), timeouts (`TIMEOUT`) and a 200 that is not a job (`INVALID_RESPONSE`).
 * Never carries a token or secret key.
 *
 * @example
 * try { await client.getJob(id) } catch (e) {
 *   if (e instanceof JobsApiError && e.code === "Common.0011") console.log("no such job", e.requestId);
 * }
 */
export class JobsApiError extends CloudJobsError {
  override readonly name = "JobsApiError";

  constructor({ message, cause, ...fields }: JobsApiErrorInit) {
    super(message, cause === undefined ? undefined : { cause });
    Object.assign(this, { requestId: undefined, retryAfterMs: undefined, body: undefined }, fields);
  }

  override toJSON(): Record<string, unknown> {
    const cause = this.cause instanceof Error ? { name: this.cause.name, message: this.cause.message } : this.cause;
    return { ...super.toJSON(), cause };
  }
}

/** A caller-supplied value was rejected before anything was sent (a job id with `../`, an empty project id, …). */
export class InvalidArgumentError extends CloudJobsError {
  override readonly name = "InvalidArgumentError";
  readonly code = "INVALID_ARGUMENT";
  /** Name of the offending argument, e.g. `jobId`, `projectId`, `auth.secretKey`. */ readonly argument: string;

  constructor(argument: string, reason: string) {
    super(`Invalid ${argument}: ${reason}`);
    this.argument = argument;
  }
}

/** A decoded ECS `errorcode_message` (see `decodeErrorcodeMessage`). */
export interface DecodedErrorcodeMessage {
  /** The value as sent. */ readonly raw: string;
  /** Human-readable message: the embedded error's `message`, else the raw text. */ readonly message: string;
  /** Embedded error code, e.g. `403` of a Nova error. */ readonly code?: string | number;
  /** Key the embedded error sat under, e.g. `forbidden`, `badRequest`. */ readonly kind?: string;
  /** The parsed embedded JSON, when the value was JSON. */ readonly json?: unknown;
}

/** A sub-job that ended in FAIL, as `JobFailedError` reports it. */
export interface FailedSubJob {
  readonly jobId: string | undefined;
  readonly jobType: string | undefined;
  readonly errorCode: string | undefined;
  readonly failReason: string | undefined;
  /** ECS `entities.errorcode_message`, decoded; `undefined` when the sub-job has none. */
  readonly errorcodeMessage: DecodedErrorcodeMessage | undefined;
}

/** What `JobFailedError` is built from. */
export interface JobFailedInit<J> {
  readonly job: J;
  readonly jobId: string;
  readonly service: string | undefined;
  /** `error_code` of the job, e.g. `Ecs.0204`. */ readonly errorCode: string | undefined;
  /** `fail_reason` of the job. */ readonly failReason: string | undefined;
  readonly failedSubJobs: readonly FailedSubJob[];
}

export interface JobFailedError<J> extends JobFailedInit<J> {}
/**
 * The job ended in FAIL; carries the job, `error_code`, `fail_reason` and the failed sub-jobs (`errorcode_message` decoded).
 *
 * @example
 * catch (e) { if (e instanceof JobFailedError) console.error(e.errorCode, e.failedSubJobs[0]?.errorcodeMessage) }
 */
export class JobFailedError<J = JobLike> extends CloudJobsError {
  override readonly name = "JobFailedError";
  readonly code = "JOB_FAILED";

  constructor(init: JobFailedInit<J>) {
    const why = [init.errorCode, init.failReason].filter((s) => s !== undefined && s !== "").join(": ");
    const subs = init.failedSubJobs.length > 0 ? ` (${init.failedSubJobs.length} sub-job(s) failed)` : "";
    super(`Job ${init.jobId} failed${why === "" ? "" : `: ${why}`}${subs}`);
    Object.assign(this, init);
  }
}

/** What `JobNotFoundError` is built from: the API error that said so. */
export interface JobNotFoundInit {
  readonly jobId: string;
  readonly service: string | undefined;
  /** The API's code, `Common.0011` or `common.0011`. */ readonly apiCode: string;
  readonly requestId: string | undefined;
  readonly cause: unknown;
}

export interface JobNotFoundError extends Omit<JobNotFoundInit, "cause"> {}
/** 400 `Common.0011` (`common.0011` on VBS): wrong id, or the job expired (finished jobs are deleted about a day later). Not retried. */
export class JobNotFoundError extends CloudJobsError {
  override readonly name = "JobNotFoundError";
  readonly code = "JOB_NOT_FOUND";

  constructor({ cause, ...init }: JobNotFoundInit) {
    const where = [init.service, init.requestId === undefined ? undefined : `request ${init.requestId}`].filter(Boolean).join(", ");
    const what = `${init.apiCode}${where === "" ? "" : `, ${where}`}`;
    super(`Job ${init.jobId} is unknown or has expired (${what}); finished jobs are deleted about a day after they end`, { cause });
    Object.assign(this, init);
  }
}

/** What `WaitTimeoutError` is built from. */
export interface WaitTimeoutInit<J> {
  readonly jobId: string;
  readonly timeoutMs: number;
  /** The last job seen (`undefined` if no poll succeeded). */ readonly lastJob: J | undefined;
  /** The last transient error, when the latest polls failed. */ readonly lastError: unknown;
  /** Resumes the wait (with a new timeout). */ readonly state: WaitState;
}

export interface WaitTimeoutError<J> extends WaitTimeoutInit<J> {}
/** The deadline passed before the job ended; carries the last job seen and the state to resume the wait. */
export class WaitTimeoutError<J = JobLike> extends CloudJobsError {
  override readonly name = "WaitTimeoutError";
  readonly code = "WAIT_TIMEOUT";

  constructor(init: WaitTimeoutInit<J>) {
    const status = (init.lastJob as JobLike | undefined)?.status;
    const seen = status ? `last status ${status}` : "no status seen";
    super(`Gave up waiting for job ${init.jobId} after ${init.timeoutMs} ms (${seen}, ${init.state.polls} poll(s))`);
    Object.assign(this, init);
  }
}

/** The watcher was closed while this wait was still running, or before it started. */
export class WatcherClosedError extends CloudJobsError {
  override readonly name = "WatcherClosedError";
  readonly code = "WATCHER_CLOSED";
  readonly jobId: string;

  constructor(jobId: string) {
    super(`The job watcher was closed before job ${jobId} ended`);
    this.jobId = jobId;
  }
}

/** What `ContractViolationError` and `onContractViolation` get: the job as received, each violation (`path`, `pointer`, `expected`, `found`, `cites`). */
export interface ContractViolationInit<J = JobLike> {
  readonly service: ServiceName;
  readonly jobId: string;
  readonly job: J;
  readonly violations: readonly import("./contract.js").ContractViolation[];
}

export interface ContractViolationError<J> extends ContractViolationInit<J> {}
/** With `validate: "error"`, a 200 body that does not match the contract; the call or wait rejects with it, not retried. */
export class ContractViolationError<J = JobLike> extends CloudJobsError {
  override readonly name = "ContractViolationError";
  readonly code = "CONTRACT_VIOLATION";

  constructor(init: ContractViolationInit<J>) {
    const first = init.violations[0];
    super(`Job ${init.jobId} does not match the ${init.service} contract${first ? `: ${first.path} ${first.message}` : ""}${init.violations.length > 1 ? ` (+${init.violations.length - 1} more)` : ""}`);
    Object.assign(this, init);
  }
}

// ---- Normalisation of HTTP answers -------------------------------------------------------------

/** HTTP statuses worth sending the same GET again for: the contract's `x-cloud-jobs-retryable` ones (202 is ECS flow control). */
export const RETRYABLE_STATUSES: ReadonlySet<number> = /* @__PURE__ */ new Set(CONTRACT_RETRYABLE_STATUSES);

/** Codes (lower-cased) meaning "throttled" at any status: ECS flow control (Common.1503 at 429, Common.0024 at 202), APIGW.0308. */
export const THROTTLING_CODES: ReadonlySet<string> = /* @__PURE__ */ new Set(["common.1503", "common.0024", "apigw.0308"]);

/** Code, message and request id found in an error body, whichever envelope it used. */
export type ErrorFields = { readonly code?: string; readonly message?: string; readonly requestId?: string };

function text(value: unknown): string | undefined {
  if (typeof value === "string" && value.trim() !== "") return value.trim();
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}

/** Reads the error envelopes in the Go SDK's order: gateway `{error_code, error_msg}`, flat `{code, message}`, then one level down. */
export function extractErrorFields(body: unknown, depth = 0): ErrorFields {
  if (body === null || typeof body !== "object" || Array.isArray(body)) return {};
  const record = body as Record<string, unknown>;
  const requestId = text(record["request_id"]);
  const withId = (fields: ErrorFields): ErrorFields => (requestId ? { ...fields, requestId } : fields);
  const gateway = { code: text(record["error_code"]), message: text(record["error_msg"]) };
  const flat = { code: text(record["code"]), message: text(record["message"]) };
  const found = gateway.code || gateway.message ? gateway : flat.code || flat.message ? flat : undefined;
  if (found) return withId(found);
  if (depth > 0) return withId({});
  const nested = [record["error"], ...Object.values(record)].find((value) => {
    const fields = extractErrorFields(value, depth + 1);
    return fields.code !== undefined || fields.message !== undefined;
  });
  return withId(extractErrorFields(nested, depth + 1));
}

/** Reads `Retry-After` (delay-seconds or an HTTP date) as ms from `now`; `undefined` when missing or unreadable, 0 when past. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  const header = value?.trim();
  if (!header) return undefined;
  if (/^\d+$/.test(header)) return Number.isSafeInteger(Number(header) * 1000) ? Number(header) * 1000 : undefined;
  // Only date-looking values: Date.parse also accepts bare numbers like "1.5" or "-3".
  const at = /[A-Za-z]/.test(header) ? Date.parse(header) : Number.NaN;
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Service and the values that must never appear in an error (token, secret key, security token). */
export type ErrorContext = { readonly service: ServiceName; readonly secrets: readonly string[]; readonly now?: number };

/** Replaces every secret of 4 characters or more (shorter ones cannot be real tokens and would mangle words). */
export function redactText(value: string, secrets: readonly string[]): string {
  let out = value;
  for (const secret of secrets) if (secret.length >= 4 && out.includes(secret)) out = out.split(secret).join("[REDACTED]");
  return out;
}

const containsSecret = (value: string, secrets: readonly string[]): boolean => redactText(value, secrets) !== value;

/** Deep copy of parsed JSON with every string (keys too) redacted; nesting past 32 levels is cut. */
function redactJson(value: unknown, secrets: readonly string[], depth = 0): unknown {
  if (typeof value === "string") return redactText(value, secrets);
  if (value === null || typeof value !== "object") return value;
  if (depth >= 32) return "[nested too deep]";
  if (Array.isArray(value)) return value.map((item) => redactJson(item, secrets, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [redactText(k, secrets), redactJson(v, secrets, depth + 1)]));
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** `cause` as it is when it holds no secret; else a plain `Error` of the same name with redacted text (a `fetch` may log headers). */
function redactCause(cause: unknown, secrets: readonly string[], depth = 0): unknown {
  if (!(cause instanceof Error)) {
    const text = typeof cause === "string" ? cause : safeStringify(cause);
    return containsSecret(text, secrets) ? redactText(text, secrets) : cause;
  }
  const nested = "cause" in cause && depth < 4 ? redactCause(cause.cause, secrets, depth + 1) : undefined;
  const all = `${cause.message}\n${cause.stack ?? ""}\n${safeStringify(cause)}`;
  if (!containsSecret(all, secrets) && (!("cause" in cause) || nested === cause.cause)) return cause;
  const copy = new Error(redactText(cause.message, secrets), nested === undefined ? undefined : { cause: nested });
  copy.name = cause.name;
  copy.stack = redactText(cause.stack ?? `${cause.name}: ${cause.message}`, secrets);
  return copy;
}

/** A request that got no HTTP answer (DNS, refused, reset, TLS, CORS). Retryable. */
export function networkError(context: ErrorContext, cause: unknown): JobsApiError {
  // undici says "fetch failed" and keeps the useful part (ECONNREFUSED, …) in `cause`.
  const inner = (cause as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  const detail = typeof inner?.code === "string" ? inner.code : typeof inner?.message === "string" ? inner.message : undefined;
  const what = cause instanceof Error ? `${cause.message}${detail ? ` (${detail})` : ""}` : String(cause);
  return new JobsApiError({
    status: undefined,
    code: "NETWORK_ERROR",
    message: redactText(`no answer from ${context.service}: ${what}`.slice(0, 600), context.secrets),
    service: context.service,
    retryable: true,
    cause: context.secrets.length === 0 ? cause : redactCause(cause, context.secrets),
  });
}

/** The call's deadline passed. Retryable (a later call may succeed), but the call itself is over. */
export function timeoutError(context: ErrorContext, timeoutMs: number, lastError?: unknown): JobsApiError {
  const message = `${context.service} job query timed out after ${timeoutMs} ms`;
  return new JobsApiError({ status: undefined, code: "TIMEOUT", message, service: context.service, retryable: true, cause: lastError });
}

/** An answer that is not a job: not JSON, not a job object, too large, a redirect, or not a Response at all. */
export function invalidResponse(context: ErrorContext, status: number | undefined, detail: string, requestId?: string): JobsApiError {
  const message = redactText(`${context.service} answered${status === undefined ? "" : ` HTTP ${status}`} with ${detail}`, context.secrets);
  return new JobsApiError({ status, code: "INVALID_RESPONSE", message, service: context.service, requestId, retryable: false });
}

function describeBody(raw: string): string {
  const trimmed = raw.trim();
  if (trimmed === "") return "empty body";
  const title = /<title[^>]*>([^<]{1,200})<\/title>/i.exec(trimmed)?.[1]?.trim();
  if (/^<(!doctype|html|\?xml|head|body)/i.test(trimmed) || title) return title ? `HTML page "${title}"` : "HTML page";
  return `unreadable body${trimmed.length > 200 ? " (cut)" : ""}: ${trimmed.slice(0, 200).replace(/\s+/g, " ")}`;
}

/**
 * Turns an error answer into a `JobsApiError`: code and message from the envelope (else `HTTP_<status>` and what the body
 * looks like), request id, `Retry-After` in ms. `body` is what openapi-fetch made of it: parsed JSON, or the text.
 */
export function errorFromResponse(response: { readonly status: number; readonly headers: Headers }, body: unknown, context: ErrorContext): JobsApiError {
  const isText = typeof body === "string" || body === undefined;
  const fields = isText ? {} : extractErrorFields(body);
  const code = redactText(fields.code ?? `HTTP_${response.status}`, context.secrets).slice(0, 100);
  const detail = fields.message ?? (isText ? describeBody(body ?? "") : "JSON body without an error message");
  const requestId = response.headers.get("x-request-id")?.trim() || fields.requestId;
  return new JobsApiError({
    status: response.status,
    code,
    message: redactText(`HTTP ${response.status} from ${context.service} (${code}): ${detail.slice(0, 500)}`, context.secrets),
    service: context.service,
    requestId: requestId === undefined ? undefined : redactText(requestId, context.secrets).slice(0, 200),
    retryable: RETRYABLE_STATUSES.has(response.status) || THROTTLING_CODES.has(code.toLowerCase()),
    retryAfterMs: parseRetryAfter(response.headers.get("retry-after"), context.now),
    body: !isText ? redactJson(body, context.secrets) : !body ? undefined : redactText(body.slice(0, 2048), context.secrets),
  });
}

/** How a failed poll affects a wait. */ export type PollErrorKind = "not-found" | "throttled" | "transient" | "fatal";

/** A failed poll, read through the fields of `JobsApiError` (duck-typed, so a custom `getJob` can use them too). */
export interface ClassifiedPollError {
  readonly kind: PollErrorKind;
  readonly code: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly requestId: string | undefined;
}

/**
 * Sorts an error of a poll:
 * - `not-found`: code `Common.0011`/`common.0011` — the job is unknown or expired; the wait ends.
 * - `throttled`: HTTP 429 or a throttling code — retried, and every wait of a watcher pauses.
 * - `transient`: any 5xx (500 included, though `getJob` itself does not retry it), 408, or anything with `retryable:
 *   true` (network, timeout) — retried within the deadline.
 * - `fatal`: everything else (400, 401, 403, 404, invalid input, bugs) — the wait ends with this error.
 */
export function classifyPollError(error: unknown): ClassifiedPollError {
  const e = (typeof error === "object" && error !== null ? error : {}) as Record<string, unknown>;
  const code = typeof e["code"] === "string" ? e["code"] : undefined;
  const retryAfter = e["retryAfterMs"];
  const retryAfterMs = typeof retryAfter === "number" && Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : undefined;
  const requestId = typeof e["requestId"] === "string" ? e["requestId"] : undefined;
  const lowerCode = code?.toLowerCase() ?? "";
  const status = typeof e["status"] === "number" ? e["status"] : 0;
  let kind: PollErrorKind = "fatal";
  if (lowerCode === "common.0011") kind = "not-found";
  else if (status === 429 || THROTTLING_CODES.has(lowerCode)) kind = "throttled";
  else if (e["retryable"] === true || status === 408 || (status >= 500 && status <= 599)) kind = "transient";
  return { kind, code, retryAfterMs, requestId };
}
