// The checks of a wait's and a watcher's options, apart from the client's (options.ts): they load with the wait engine,
// not with the first getJob. Same wording and rules ("Invalid x: must be …"), from the helpers of options.ts.
import type { JobLike } from "./jobs.js";
import { DEFAULT_MAX_REQUESTS_PER_SECOND, DEFAULT_WAIT_TIMEOUT_MS, POLL, assertJobId, check, checkMs, fail, isFunction } from "./options.js";
import type { GetJob, JobWatcherCommonOptions, JobWatcherOptions, JobsClientLike, PollSource, WaitOptions, WaitTuning } from "./options.js";
import { adaptivePollingPolicy, DEFAULT_POLLING_POLICY_OPTIONS } from "./policy.js";
import type { WaitProgress, WaitRetryInfo } from "./wait.js";

/** Options of one wait after validation, defaults applied. */
export type ResolvedWaitOptions<J extends JobLike> = ReturnType<typeof resolveWaitOptions<J>>;

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
  // A client of this package is polled through its slot, with no AbortSignal per poll (see POLL).
  const pollJob = (client as { [POLL]?: PollSource<J> } | undefined)?.[POLL];
  return { getJob: fetchJob, pollJob, rate, maxConcurrent, random, defaults };
}
