// The one module that checks options — of the client, getJob, a wait, a watcher — with one wording ("Invalid x: must be
// …"), one rule set and the defaults. Every `timeoutMs` is a finite number of ms above 0: `Infinity` is refused
// everywhere, since a wait's state is JSON (which has no Infinity) and a call without a deadline can hang for ever.
import { InvalidArgumentError } from "./errors.js";
import { isServiceName, type JobLike, type ServiceName } from "./jobs.js";
import { adaptivePollingPolicy, DEFAULT_POLLING_POLICY_OPTIONS, type PollingPolicy } from "./policy.js";
import type { AkSkCredentials } from "./signer.js";
import type { WaitProgress, WaitRetryInfo, WaitState } from "./wait.js";

/** The cloud whose domain the endpoint is built on: Open Telekom Cloud (default) or Huawei Cloud. */
export type Cloud = "otc" | "huaweicloud";

/** IAM token auth: sends `X-Auth-Token`. */ export type TokenAuth = { readonly token: string };

/** AK/SK auth: every request is signed with SDK-HMAC-SHA256 (`X-Project-Id` and `X-Security-Token` signed too). */
export type AkSkAuth = AkSkCredentials;

/** How requests authenticate. */ export type Auth = TokenAuth | AkSkAuth;

/** A `fetch` the client can call; the global `fetch` fits. */ export type FetchLike = (request: Request) => Promise<Response>;

/** A retry about to happen, as passed to `onRetry`. */
export interface RetryEvent {
  /** Number of the attempt that just failed (1 = the first request). */ readonly attempt: number;
  /** How long the client waits before the next attempt. */ readonly delayMs: number;
  /** Why the attempt failed. */ readonly error: import("./errors.js").JobsApiError;
}

/**
 * Retry policy of one `getJob` call (defaults: `DEFAULT_RETRY`): 3 attempts; the delay before retry n is random in
 * `[0, min(10 000, 500 · 2^(n-1))]` ms, or the server's `Retry-After` exactly — none over 60 s. Retried: `retryable: true`.
 */
export interface RetryOptions {
  /** Attempts in total, the first included (1 = no retry). Default 3. */ readonly maxAttempts?: number;
  /** Backoff before the first retry, before jitter. Default 500 ms. */ readonly baseDelayMs?: number;
  /** Upper bound of any backoff, before jitter. Default 10 000 ms. */ readonly maxDelayMs?: number;
  /** A `Retry-After` longer than this ends the retries (the error is thrown). Default 60 000 ms. */ readonly maxRetryAfterMs?: number;
  /** Decides whether an error is retried. Default: `error.retryable`. */
  readonly shouldRetry?: (error: import("./errors.js").JobsApiError, attempt: number) => boolean;
  /** Called before each backoff sleep; a throwing hook does not break the call. */ readonly onRetry?: (event: RetryEvent) => void;
  /** Source of jitter in [0, 1). Default `Math.random`; tests pass a constant. */ readonly random?: () => number;
}

/** `RetryOptions` with every number filled in. */
export type ResolvedRetry = RetryOptions & Required<Pick<RetryOptions, "maxAttempts" | "baseDelayMs" | "maxDelayMs" | "maxRetryAfterMs">>;

/** Options of `createJobsClient`. */
export interface JobsClientOptions<S extends ServiceName = ServiceName> {
  /** `"ecs"`, `"bms"`, `"evs"` or `"vbs"`; decides the host and the job type returned. */ readonly service: S;
  /** Project id (32 lower-case hex characters), the `{project_id}` of the path. */ readonly projectId: string;
  /** Region id (`eu-de`, `eu-ch2`, `cn-north-4`, …); required unless `endpoint` is given. */ readonly region?: string | undefined;
  /** `"otc"` (default) or `"huaweicloud"`. */ readonly cloud?: Cloud | undefined;
  /** Whole base URL, e.g. `http://127.0.0.1:4010`; wins over `region`/`cloud`. */ readonly endpoint?: string | URL | undefined;
  readonly auth: Auth;
  /** `fetch` to use (default: the global one). Tests inject one here. */ readonly fetch?: FetchLike | undefined;
  /** Deadline of one `getJob` call, retries and backoff included. Default 30 000 ms. */ readonly timeoutMs?: number | undefined;
  /** Retry policy (see `RetryOptions` for defaults), or `false` for none. */ readonly retry?: RetryOptions | false | undefined;
  /** Checks job bodies against the contract: `"off"` (default, nothing loaded), `"warn"` (`onContractViolation`, else
   * `console.warn`; a wait goes on) or `"error"` (`ContractViolationError`, not retried; a wait ends with it). */
  readonly validate?: ContractValidation | undefined;
  /** With `validate: "warn"`: called with the job and its violations; a throwing callback does not break the call. */
  readonly onContractViolation?: ((report: import("./errors.js").ContractViolationInit) => void) | undefined;
}

/** What `validate` of `createJobsClient` takes. */ export type ContractValidation = "off" | "warn" | "error";

/** Options of one `getJob` call. */
export interface GetJobOptions {
  /** Cancels the request and any backoff sleep; the call rejects with the signal's reason. */ readonly signal?: AbortSignal | undefined;
  /** Overrides the client's retry policy; `false` sends exactly one request. */ readonly retry?: RetryOptions | false | undefined;
  /** Overrides the client's `timeoutMs` for this call. */ readonly timeoutMs?: number | undefined;
}

/** Default deadline of a `getJob` call. */ export const DEFAULT_TIMEOUT_MS = 30_000;

/** The documented defaults of `RetryOptions`. */
export const DEFAULT_RETRY: ResolvedRetry = Object.freeze({ maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 10_000, maxRetryAfterMs: 60_000 });

/** Longest id accepted. Real ids are 32 (hex) or 36 (UUID) characters; the margin allows other formats, not paths. */
export const MAX_ID_LENGTH = 64;

function fail(argument: string, reason: string): never {
  throw new InvalidArgumentError(argument, reason);
}

const show = (value: string): string => JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);

/** Why `value` cannot be put into a URL path segment, or `undefined` when it can. */
function idProblem(value: unknown): string | undefined {
  if (typeof value !== "string") return `must be a string, got ${value === null ? "null" : typeof value}`;
  if (value === "") return "must not be empty";
  if (value.length > MAX_ID_LENGTH) return `must be at most ${MAX_ID_LENGTH} characters, got ${value.length}`;
  if (/\s/.test(value)) return `must not contain whitespace: ${show(value)}`;
  if (/[/\\]|^\.\.?$|\.\./.test(value)) return `must not contain a path separator or dot segment: ${show(value)}`;
  if (value.includes("%")) return `must not contain percent-encoded characters (such as %2F): ${show(value)}`;
  if (/[?#]/.test(value)) return `must not contain "?" or "#": ${show(value)}`;
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(value)) return `must only contain letters, digits, "-" and "_": ${show(value)}`;
  return undefined;
}

/**
 * Checks a job id before it goes into the path: anything that could change it (`../`, `?`, `#`, `%2F`, whitespace), empty or
 * over-long values throw `InvalidArgumentError`, and nothing is sent. Real ids are 32 hex characters or a UUID.
 */
export function assertJobId(jobId: unknown): asserts jobId is string {
  const problem = idProblem(jobId);
  if (problem !== undefined) fail("jobId", problem);
}

/** Same checks as `assertJobId`, for the project id (32 lower-case hex characters in practice). */
export function assertProjectId(projectId: unknown): asserts projectId is string {
  const problem = idProblem(projectId);
  if (problem !== undefined) fail("projectId", problem);
}

/** True when `value` is safe as a job or project id (see `assertJobId`). */
export function isSafeId(value: unknown): value is string {
  return idProblem(value) === undefined;
}

/** Where to send requests: a region (and cloud), or a whole endpoint URL. */
export type EndpointOptions = Pick<JobsClientOptions, "service" | "region" | "cloud" | "endpoint">;

/**
 * Base URL of a service (no trailing slash):
 * - OTC: `https://{service}.{region}.otc.t-systems.com`; Swiss region `eu-ch2`:
 *   `https://{service}.eu-ch2.sc.otc.t-systems.com`
 * - Huawei Cloud: `https://{service}.{region}.myhuaweicloud.com`
 * - `endpoint` given: that URL (http or https, no credentials, query or fragment).
 *
 * @example endpointFor({ service: "evs", region: "eu-nl" }) // "https://evs.eu-nl.otc.t-systems.com"
 */
export function endpointFor(options: EndpointOptions): string {
  if (options.endpoint !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(options.endpoint);
    } catch {
      fail("endpoint", `must be an absolute URL: ${JSON.stringify(String(options.endpoint))}`);
    }
    const { protocol, username, password, search, hash, origin, pathname } = url as URL;
    if (protocol !== "https:" && protocol !== "http:") fail("endpoint", `must be http or https, got ${protocol}`);
    // Credentials in the URL would be sent to the server and end up in logs and errors.
    if (username || password) fail("endpoint", "must not contain user or password");
    if (search || hash) fail("endpoint", "must not contain a query or fragment");
    return `${origin}${pathname}`.replace(/\/+$/, "");
  }
  const { service, region, cloud = "otc" } = options;
  if (region === undefined || region === "") return fail("region", "must be given (e.g. eu-de), or a whole endpoint URL");
  if (!/^[a-z]{2,}(-[a-z0-9]+){1,3}$/.test(region)) fail("region", `must be a region id, got ${JSON.stringify(region)}`);
  if (cloud === "huaweicloud") return `https://${service}.${region}.myhuaweicloud.com`;
  if (cloud !== "otc") fail("cloud", `must be "otc" or "huaweicloud", got ${JSON.stringify(cloud)}`);
  return region === "eu-ch2" ? `https://${service}.eu-ch2.sc.otc.t-systems.com` : `https://${service}.${region}.otc.t-systems.com`;
}

const VISIBLE_ASCII = /^[\x21-\x7e]+$/;
const isFunction = (value: unknown): boolean => typeof value === "function";

/** Checks an optional value; `must` says what it must be. */
function check<T>(value: T, argument: string, ok: (value: NonNullable<T>) => boolean, must: string): T {
  if (value !== undefined && !ok(value as NonNullable<T>)) fail(argument, `must be ${must}`);
  return value;
}

/** A number of milliseconds: finite and at least `min` (above 0 when `min` is 0 and `above` is set). */
function checkMs(value: unknown, argument: string, min: number, above = false): number | undefined {
  const ok = (n: unknown) => typeof n === "number" && Number.isFinite(n) && (above ? n > min : n >= min);
  return check(value, argument, ok, `a finite number of milliseconds ${above ? "above" : "of at least"} ${min}`) as number | undefined;
}

/** Checks auth (messages name the field, never its value); returns the values that must never appear in an error. */
function checkAuth(auth: unknown): string[] {
  if (auth === null || typeof auth !== "object") return fail("auth", "must be { token } or { accessKey, secretKey }");
  const a = auth as Record<string, unknown>;
  const visible = (key: string) => check(a[key], `auth.${key}`, (v) => typeof v === "string" && VISIBLE_ASCII.test(v), "a non-empty string of visible ASCII characters");
  if ("token" in a) return [visible("token") ?? fail("auth.token", "must be a non-empty string of visible ASCII characters")] as string[];
  if (a["accessKey"] === undefined) fail("auth.accessKey", "must be a non-empty string of visible ASCII characters");
  visible("accessKey");
  if (typeof a["secretKey"] !== "string" || a["secretKey"] === "") fail("auth.secretKey", "must be a non-empty string");
  const sts = visible("securityToken");
  return (sts === undefined ? [a["secretKey"]] : [a["secretKey"], sts]) as string[];
}

/** Checks a `retry` option: `false` or `RetryOptions` with sane numbers and functions. */
function checkRetry(retry: unknown, argument: string): void {
  if (retry === undefined || retry === false) return;
  if (retry === null || typeof retry !== "object") fail(argument, "must be false or an object");
  const r = retry as Record<string, unknown>;
  check(r["maxAttempts"], `${argument}.maxAttempts`, (n) => Number.isInteger(n) && (n as number) >= 1, "an integer of at least 1");
  for (const key of ["baseDelayMs", "maxDelayMs", "maxRetryAfterMs"]) checkMs(r[key], `${argument}.${key}`, 0);
  for (const key of ["shouldRetry", "onRetry", "random"]) check(r[key], `${argument}.${key}`, isFunction, "a function");
}

/** Merges per-call over per-client over default retry options; `false` anywhere disables retries for that call. */
export function resolveRetry(client: RetryOptions | false | undefined, call: RetryOptions | false | undefined): ResolvedRetry {
  if (client === false || call === false) return { ...DEFAULT_RETRY, maxAttempts: 1 };
  return { ...DEFAULT_RETRY, ...client, ...call };
}

/** Checks the options of `createJobsClient`; returns the endpoint and the values that must never appear in an error. */
export function checkClientOptions(options: JobsClientOptions): { endpoint: string; secrets: string[] } {
  if (options === null || typeof options !== "object") fail("options", "must be an object");
  if (!isServiceName(options.service)) fail("service", 'must be "ecs", "bms", "evs" or "vbs"');
  assertProjectId(options.projectId);
  const secrets = checkAuth(options.auth);
  checkGetJobOptions(options, "");
  check(options.fetch, "fetch", isFunction, "a function");
  check(options.validate, "validate", (v) => ["off", "warn", "error"].includes(v), '"off", "warn" or "error"');
  check(options.onContractViolation, "onContractViolation", isFunction, "a function");
  return { endpoint: endpointFor(options), secrets };
}

/** Checks the options of one `getJob` call (`prefix` "options." names them as such). */
export function checkGetJobOptions(options: GetJobOptions, prefix = "options."): void {
  checkMs(options.timeoutMs, `${prefix}timeoutMs`, 0, true);
  checkRetry(options.retry, `${prefix}retry`);
}

/** Options every wait can take; a watcher's options give the defaults for its waits. */
export interface WaitTuning {
  /** Give up this long after the wait started (the original start when resumed). Default 30 minutes. */ readonly timeoutMs?: number;
  /** Never poll sooner than this after the previous poll. Default 1000. */ readonly minDelayMs?: number;
  /** Never wait longer than this between polls, unless `Retry-After` asks for more. Default 60 000. */ readonly maxDelayMs?: number;
  /** Next delay ≈ this fraction of the job's running time. Default 0.075. */ readonly elapsedFraction?: number;
  /** Replaces the adaptive policy, e.g. `() => 5000`; `minDelayMs`, `Retry-After` and deadline apply. */ readonly policy?: PollingPolicy;
}

/** Options of `waitForJob` and `watcher.wait`. */
export interface WaitOptions<J extends JobLike = JobLike> extends WaitTuning {
  /** Aborting it ends the wait at once, rejecting with `signal.reason`. */ readonly signal?: AbortSignal;
  /** Called after every poll that returned a job, the final one included. If it throws, the wait rejects with that error. */
  readonly onProgress?: (progress: WaitProgress<J>) => void;
  /** Called after every poll that failed with a transient error. */ readonly onRetry?: (info: WaitRetryInfo) => void;
  /** Continue a wait saved with `getState()` or `progress.state`. */ readonly resumeFrom?: WaitState;
  /** Service of the job, recorded in the state (the client passes it). */ readonly service?: string;
}

/** Options of one wait after validation, defaults applied. */
export type ResolvedWaitOptions<J extends JobLike> = ReturnType<typeof resolveWaitOptions<J>>;

/** Default `timeoutMs` of a wait: 30 minutes, the create timeout most Terraform resources of these services use. */
export const DEFAULT_WAIT_TIMEOUT_MS = 30 * 60_000;

const isAbortSignal = (s: unknown): boolean =>
  typeof s === "object" && s !== null && typeof (s as AbortSignal).aborted === "boolean" && typeof (s as AbortSignal).addEventListener === "function";

/** Checks a saved `WaitState` against the wait it resumes: malformed, newer, or of another job or service is refused. */
function readResumeState(value: unknown, jobId: string, service: string | undefined) {
  const bad = (reason: string): never => fail("resumeFrom", reason);
  if (typeof value !== "object" || value === null || Array.isArray(value)) return bad("must be a WaitState object");
  const state = value as Record<string, unknown>;
  if (state["version"] !== 1) bad(`must be of version 1, got ${JSON.stringify(state["version"])}`);
  if (state["jobId"] !== jobId) bad(`must belong to job ${JSON.stringify(jobId)}, not ${JSON.stringify(state["jobId"])}`);
  if (service !== undefined && state["service"] !== undefined && state["service"] !== service) {
    bad(`must belong to service ${JSON.stringify(service)}, not ${JSON.stringify(state["service"])}`);
  }
  const startedAt = typeof state["startedAt"] === "string" ? Date.parse(state["startedAt"]) : Number.NaN;
  if (!Number.isFinite(startedAt)) bad("startedAt must be an ISO 8601 date-time");
  const count = (key: string): number => {
    const n = state[key];
    return typeof n === "number" && Number.isSafeInteger(n) && n >= 0 ? n : bad(`${key} must be a non-negative integer`);
  };
  const timeoutMs = state["timeoutMs"];
  if (typeof timeoutMs !== "number" || !Number.isFinite(timeoutMs) || timeoutMs <= 0) bad("timeoutMs must be a finite number above 0");
  return { startedAt, timeoutMs: timeoutMs as number, polls: count("polls"), transientErrors: count("transientErrors") };
}

// Waits left at the default tuning share one (stateless) policy: a watcher may hold 10,000 waits.
const DEFAULT_POLICY = adaptivePollingPolicy();

/** Validates the options of one wait before anything is sent; the first bad option throws `InvalidArgumentError`. */
export function resolveWaitOptions<J extends JobLike>(
  jobId: unknown,
  options: WaitOptions<J> | undefined,
  defaults: WaitTuning,
  now: number,
) {
  assertJobId(jobId);
  if (options !== undefined && (typeof options !== "object" || options === null)) fail("options", "must be an object");
  const o = { ...defaults, ...options };
  const service = check(o.service, "service", (v) => typeof v === "string" && v !== "", "a non-empty string");
  const resumed = o.resumeFrom === undefined ? undefined : readResumeState(o.resumeFrom, jobId, service);
  // A resumed wait keeps its own timeout unless this call names one; a watcher default comes after both.
  const timeoutMs = checkMs(options?.timeoutMs ?? resumed?.timeoutMs ?? defaults.timeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS, "timeoutMs", 0, true) as number;
  const minDelayMs = checkMs(o.minDelayMs ?? DEFAULT_POLLING_POLICY_OPTIONS.minDelayMs, "minDelayMs", 1) as number;
  const maxDelayMs = checkMs(o.maxDelayMs ?? Math.max(minDelayMs, DEFAULT_POLLING_POLICY_OPTIONS.maxDelayMs), "maxDelayMs", minDelayMs) as number;
  const elapsedFraction = o.elapsedFraction ?? DEFAULT_POLLING_POLICY_OPTIONS.elapsedFraction;
  check(elapsedFraction, "elapsedFraction", (f) => typeof f === "number" && f > 0 && f <= 1, "a number above 0 and at most 1");
  return {
    jobId,
    service,
    startedAt: resumed?.startedAt ?? now,
    timeoutMs,
    minDelayMs,
    policy: check(o.policy, "policy", isFunction, "a function") ??
      ((o.minDelayMs ?? o.maxDelayMs ?? o.elapsedFraction) === undefined ? DEFAULT_POLICY : adaptivePollingPolicy({ minDelayMs, maxDelayMs, elapsedFraction })),
    signal: check(o.signal, "signal", isAbortSignal, "an AbortSignal") as AbortSignal | undefined,
    onProgress: check(o.onProgress, "onProgress", isFunction, "a function") as ((progress: WaitProgress<J>) => void) | undefined,
    onRetry: check(o.onRetry, "onRetry", isFunction, "a function") as ((info: WaitRetryInfo) => void) | undefined,
    polls: resumed?.polls ?? 0,
    transientErrors: resumed?.transientErrors ?? 0,
  };
}

/** Fetches a job once, without retries of its own: the waiter retries transient errors itself, within its deadline. */
export type GetJob<J extends JobLike = JobLike> = (jobId: string, options: { signal?: AbortSignal }) => Promise<J>;

/** The part of a jobs client a watcher uses. */
export type JobsClientLike<J extends JobLike> = { getJob(jobId: string, options: { signal?: AbortSignal; retry?: false }): Promise<J> };

/** Options of `createJobWatcher` besides the source of jobs; the `WaitTuning` fields are defaults for every wait. */
export interface JobWatcherCommonOptions extends WaitTuning {
  /** Request-rate cap shared by all waits (see `RequestRateLimiter`); `Infinity`: none, only the shared 429 pause. Default 10. */
  readonly maxRequestsPerSecond?: number;
  /** Cap on requests in flight at once. Default `Infinity` (the rate cap already bounds it). */ readonly maxConcurrentRequests?: number;
  /** Source of jitter in [0, 1). Default `Math.random`; tests pass a constant. */ readonly random?: () => number;
}

/** Options of `createJobWatcher`: `getJob` (one fetch, no retries), or a `client` (its `getJob` with `retry: false`). */
export type JobWatcherOptions<J extends JobLike> = JobWatcherCommonOptions &
  ({ readonly getJob: GetJob<J>; readonly client?: undefined } | { readonly client: JobsClientLike<J>; readonly getJob?: undefined });

/** Default `maxRequestsPerSecond` of a watcher. */ export const DEFAULT_MAX_REQUESTS_PER_SECOND = 10;

/** The sliding log keeps one slot per request of the cap; beyond this, use `Infinity`. */ const MAX_FINITE_RATE = 100_000;

/** Validates watcher options (or the source of a single wait); bad defaults fail here, not on the first wait. */
export function resolveWatcherOptions<J extends JobLike>(options: JobWatcherOptions<J>) {
  if (typeof options !== "object" || options === null) fail("options", "must be an object");
  const { getJob, client, random = Math.random } = options as JobWatcherCommonOptions & { getJob?: GetJob<J>; client?: JobsClientLike<J> };
  const { maxRequestsPerSecond: rate = DEFAULT_MAX_REQUESTS_PER_SECOND, maxConcurrentRequests: maxConcurrent = Number.POSITIVE_INFINITY } = options;
  // Only the tuning is shared; a signal or resumeFrom belongs to one wait.
  const { timeoutMs, minDelayMs, maxDelayMs, elapsedFraction, policy } = options;
  const defaults: WaitTuning = { timeoutMs, minDelayMs, maxDelayMs, elapsedFraction, policy };
  if ((getJob === undefined) === (client === undefined)) fail("getJob", "must be given, or client, but not both");
  check(getJob, "getJob", isFunction, "a function");
  check(client, "client", (c) => typeof c.getJob === "function", "an object with a getJob method");
  check(rate, "maxRequestsPerSecond", (n) => typeof n === "number" && n > 0 && (n === Infinity || n <= MAX_FINITE_RATE), `a number above 0 and at most ${MAX_FINITE_RATE}, or Infinity`);
  check(maxConcurrent, "maxConcurrentRequests", (n) => typeof n === "number" && n >= 1, "a number of at least 1");
  check(random, "random", isFunction, "a function");
  resolveWaitOptions("x", undefined, defaults, 0);
  const fetchJob: GetJob<J> = getJob ?? ((jobId, o) => (client as JobsClientLike<J>).getJob(jobId, { ...o, retry: false }));
  return { getJob: fetchJob, rate, maxConcurrent, random, defaults };
}
