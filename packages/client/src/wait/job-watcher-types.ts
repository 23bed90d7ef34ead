import type { JobLike } from "./types.js";
import type { JobWait } from "./wait-handle.js";
import type { WaitOptions } from "./wait-options.js";

/** Counters of a watcher, for dashboards and tests. */
export interface JobWatcherStats {
  /** Waits not yet ended. */
  readonly waits: number;
  /** Requests in flight. */
  readonly inFlight: number;
  /** Requests sent since the watcher was created. */
  readonly requests: number;
  /** Answers that were 429 (or a throttling code). */
  readonly throttled: number;
  /** The rate cap in force now (lower than the configured one for a while after a 429). */
  readonly currentLimit: number;
}

/** Many waits under one request-rate cap; see `createJobWatcher`. */
export interface JobWatcher<J extends JobLike> {
  /** Waits for one job, like `waitForJob`, with its polls scheduled under the watcher's cap. */
  wait(jobId: string, options?: WaitOptions<J>): JobWait<J>;
  /** Ends every running wait with `WatcherClosedError` and stops the timer; later `wait` calls reject the same way. */
  close(): void;
  /** Current counters. */
  stats(): JobWatcherStats;
}
