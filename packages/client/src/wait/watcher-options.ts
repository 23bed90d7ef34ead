import { InvalidArgumentError } from "../errors.js";
import type { GetJob, JobLike } from "./types.js";
import { resolveWaitOptions, type WaitTuning } from "./wait-options.js";

/** The part of a jobs client a watcher uses. */
export interface JobsClientLike<J extends JobLike> {
  getJob(jobId: string, options: { signal?: AbortSignal; retry?: false }): Promise<J>;
}

/** Options of `createJobWatcher`; the `WaitTuning` fields are defaults for every wait. */
export interface JobWatcherOptions<J extends JobLike> extends WaitTuning {
  /** Fetches a job once, without retrying (the watcher retries). Give this or `client`. */
  readonly getJob?: GetJob<J>;
  /** A jobs client; the watcher calls `client.getJob(jobId, { signal, retry: false })`. */
  readonly client?: JobsClientLike<J>;
  /**
   * Request-rate cap shared by all waits: never more than `floor(n)` requests
   * in any one-second window (below 1: one per `1/n` s). `Infinity`: no cap,
   * only the shared 429 backoff. Default 10.
   */
  readonly maxRequestsPerSecond?: number;
  /** Cap on requests in flight at once. Default `Infinity` (the rate cap already bounds it). */
  readonly maxConcurrentRequests?: number;
  /** Source of jitter in [0, 1). Default `Math.random`; tests pass a constant. */
  readonly random?: () => number;
}

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
  const { getJob, client, maxRequestsPerSecond, maxConcurrentRequests, random, ...defaults } = options;
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
