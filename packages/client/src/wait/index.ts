// The waiter: one wait (`waitForJob`), many waits under one rate cap (`createJobWatcher`),
// the polling policy and its simulation. The client re-exports all of it.
export { classifyPollError, type ClassifiedPollError, type PollErrorKind } from "./classify-error.js";
export { JobFailedError, type FailedSubJob, type JobFailedInit } from "./job-failed-error.js";
export { JobNotFoundError, type JobNotFoundInit } from "./job-not-found-error.js";
export type { JobWatcher, JobWatcherStats } from "./job-watcher-types.js";
export { createJobWatcher } from "./job-watcher.js";
export {
  DEFAULT_POLLING_POLICY_OPTIONS,
  adaptivePollingPolicy,
  fixedIntervalPolicy,
  nextPollDelay,
  planNextPoll,
  type PollingPolicy,
  type PollingPolicyInput,
  type PollingPolicyOptions,
} from "./polling-policy.js";
export { RequestRateLimiter } from "./request-rate-limiter.js";
export { simulatePolicy, type SimulatedJob, type SimulationOptions, type SimulationResult } from "./simulate.js";
export type { GetJob, JobLike, SubJobProgress, WaitProgress, WaitRetryInfo } from "./types.js";
export { waitForJob } from "./wait-for-job.js";
export type { JobWait } from "./wait-handle.js";
export { DEFAULT_WAIT_TIMEOUT_MS, type WaitOptions, type WaitTuning } from "./wait-options.js";
export type { WaitState } from "./wait-state.js";
export { WaitTimeoutError, type WaitTimeoutInit } from "./wait-timeout-error.js";
export { WatcherClosedError } from "./watcher-closed-error.js";
export {
  DEFAULT_MAX_REQUESTS_PER_SECOND,
  type JobWatcherCommonOptions,
  type JobWatcherOptions,
  type JobsClientLike,
} from "./watcher-options.js";
