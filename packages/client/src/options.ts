// The options of the client, getJob, a wait and a watcher: their types, defaults and one wording of checks ("Invalid x:
// must be …"); the checks of a wait's and a watcher's options live in wait-options.ts, loaded with the wait engine.
// Every `timeoutMs` is a finite number of ms above 0: `Infinity` is refused everywhere, since a wait's state is JSON
// (which has no Infinity) and a call without a deadline can hang for ever.
import { InvalidArgumentError } from "./errors.js";
import { isServiceName, type JobLike, type ServiceName } from "./jobs.js";
import type { PollingPolicy } from "./policy.js";
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
  /**
   * `fetch` to use. Default: on Node (≥ 20.16), node:http(s) through their global keep-alive agents, several times cheaper
   * per request than Node's `fetch`; elsewhere (browsers, Bun, Deno, older Node) the global `fetch`. Tests inject one here.
   */
  readonly fetch?: FetchLike | undefined;
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

/** Throws `InvalidArgumentError` (the wait options in wait-options.ts share these checks). */
export function fail(argument: string, reason: string): never {
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
export const isFunction = (value: unknown): boolean => typeof value === "function";

/** Checks an optional value; `must` says what it must be. */
export function check<T>(value: T, argument: string, ok: (value: NonNullable<T>) => boolean, must: string): T {
  if (value !== undefined && !ok(value as NonNullable<T>)) fail(argument, `must be ${must}`);
  return value;
}

/** A number of milliseconds: finite and at least `min` (above 0 when `min` is 0 and `above` is set). */
export function checkMs(value: unknown, argument: string, min: number, above = false): number | undefined {
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

/** Default `timeoutMs` of a wait: 30 minutes, the create timeout most Terraform resources of these services use. */
export const DEFAULT_WAIT_TIMEOUT_MS = 1_800_000;

/** Fetches a job once, without retries of its own: the waiter retries transient errors itself, within its deadline. */
export type GetJob<J extends JobLike = JobLike> = (jobId: string, options: { signal?: AbortSignal }) => Promise<J>;

/** What the wait engine cancels a poll through, in place of an `AbortSignal`: the call in flight, set by the client. */
export interface CancelSlot {
  call?: { abort(reason: unknown): void } | undefined;
}

/**
 * The method by which a client of this package (`createJobsClient`) is polled by `createJobWatcher({ client })` and
 * `client.waitForJob`: `client[POLL](jobId, slot)` is `getJob` without retries, cancelled through `slot`, so that a poll
 * makes no `AbortSignal` (see the `Call` class in client.ts). Other clients and `getJob` functions get a signal per poll.
 */
export const POLL: unique symbol = Symbol();

/** A client's `POLL` method. */
export type PollSource<J> = (jobId: string, slot: CancelSlot) => Promise<J>;

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
