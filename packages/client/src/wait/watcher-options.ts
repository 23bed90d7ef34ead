import { InvalidArgumentError } from "../errors.js";
import type { GetJob, JobLike } from "./types.js";
import { resolveWaitOptions, type WaitTuning } from "./wait-options.js";

/** The part of a jobs client a watcher uses. */
export interface JobsClientLike<J extends JobLike> {
  getJob(jobId: string, options: { signal?: AbortSignal; retry?: false }): Promise<J>;
}

/** Options of `createJobWatcher` besides the source of jobs; the `WaitTuning` fields are defaults for every wait. */
export interface JobWatcherCommonOptions extends WaitTuning {
  /**
   * Request-rate cap shared by all waits: requests start `1/n` s apart (at
   * most `ceil(n / 100)` together) and never more than `floor(n)` fall in any
   * one-second window (below 1: one per `1/n` s). `Infinity`: no cap, only
   * the shared 429 backoff. Default 10.
   */
  readonly maxRequestsPerSecond?: number;
  /** Cap on requests in flight at once. Default `Infinity` (the rate cap already bounds it). */
  readonly maxConcurrentRequests?: number;
  /** Source of jitter in [0, 1). Default `Math.random`; tests pass a constant. */
  readonly random?: () => number;
}

/**
 * Options of `createJobWatcher`: exactly one of `getJob` (fetches a job once,
 * without retrying — the watcher retries) and `client` (the watcher calls
 * `client.getJob(jobId, { signal, retry: false })`).
 */
export type JobWatcherOptions<J extends JobLike> = JobWatcherCommonOptions &
  ({ readonly getJob: GetJob<J>; readonly client?: undefined } | { readonly client: JobsClientLike<J>; readonly getJob?: undefined });

/** Watcher options after validation. */
export interface ResolvedWatcherOptions<J extends JobLike> {
  readonly getJob: GetJob<J>;
  readonly rate: number;
  readonly maxConcurrent: number;
  readonly random: () => number;
  readonly defaults: WaitTuning;
}

/** Default `maxRequestsPerSecond`. */
export const DEFAULT_MAX_REQUESTS_PER_SECOND = 10;

/** The sliding log keeps one slot per request of the cap; beyond this, use `Infinity`. */
const MAX_FINITE_RATE = 100_000;

/**
 * Validates watcher options.
 * @throws InvalidArgumentError
 */
export function resolveWatcherOptions<J extends JobLike>(options: JobWatcherOptions<J>): ResolvedWatcherOptions<J> {
  if (typeof options !== "object" || options === null) throw new InvalidArgumentError("options", "expected an object");
  const { getJob, client, maxRequestsPerSecond, maxConcurrentRequests, random } = options as JobWatcherOptions<J> & {
    getJob?: GetJob<J>;
    client?: JobsClientLike<J>;
  };
  // Only the tuning is shared; a signal or resumeFrom belongs to one wait.
  const { timeoutMs, minDelayMs, maxDelayMs, elapsedFraction, policy } = options;
  const defaults: WaitTuning = { timeoutMs, minDelayMs, maxDelayMs, elapsedFraction, policy };
  if ((getJob === undefined) === (client === undefined)) throw new InvalidArgumentError("getJob", "give exactly one of getJob and client");
  if (getJob !== undefined && typeof getJob !== "function") throw new InvalidArgumentError("getJob", "expected a function");
  if (client !== undefined && typeof client?.getJob !== "function") throw new InvalidArgumentError("client", "expected an object with a getJob method");
  const rate = maxRequestsPerSecond ?? DEFAULT_MAX_REQUESTS_PER_SECOND;
  if (typeof rate !== "number" || Number.isNaN(rate) || rate <= 0 || (Number.isFinite(rate) && rate > MAX_FINITE_RATE)) {
    throw new InvalidArgumentError("maxRequestsPerSecond", `expected a number > 0 and ≤ ${MAX_FINITE_RATE}, or Infinity`);
  }
  const maxConcurrent = maxConcurrentRequests ?? Number.POSITIVE_INFINITY;
  if (typeof maxConcurrent !== "number" || Number.isNaN(maxConcurrent) || maxConcurrent < 1) {
    throw new InvalidArgumentError("maxConcurrentRequests", "expected a number ≥ 1");
  }
  if (random !== undefined && typeof random !== "function") throw new InvalidArgumentError("random", "expected a function");
  resolveWaitOptions("-", undefined, defaults, 0); // a bad default fails here, not on the first wait
  const fetchJob: GetJob<J> = getJob ?? ((jobId, o) => (client as JobsClientLike<J>).getJob(jobId, { ...o, retry: false }));
  return { getJob: fetchJob, rate, maxConcurrent, random: random ?? Math.random, defaults };
}
