// `@cloud-jobs/client/internal`: for this repository's docs and benchmarks; no compatibility promise. The polling
// policy's internals, the rate limiter, the simulation and the constants they print, under the names they always had.
export { MAX_JOB_BODY_BYTES, backoffDelay } from "./client.js";
export { RETRYABLE_STATUSES, THROTTLING_CODES, classifyPollError, extractErrorFields, parseRetryAfter, type ClassifiedPollError, type ErrorFields, type PollErrorKind } from "./errors.js";
export { JOB_STATUSES, KNOWN_JOB_TYPES, isJobShaped, isServiceName, parseJobTime, serviceOf } from "./jobs.js";
export { DEFAULT_MAX_REQUESTS_PER_SECOND, DEFAULT_RETRY, DEFAULT_TIMEOUT_MS, DEFAULT_WAIT_TIMEOUT_MS, MAX_ID_LENGTH, POLL, assertProjectId, endpointFor, isSafeId, type CancelSlot, type ResolvedRetry } from "./options.js";
export { DEFAULT_POLLING_POLICY_OPTIONS, RequestRateLimiter, adaptivePollingPolicy, fixedIntervalPolicy, nextPollDelay, planNextPoll, throttlePauseMs } from "./policy.js";
export type { PollingPolicy, PollingPolicyInput, PollingPolicyOptions } from "./policy.js";
export { MAX_TIMER_MS } from "./timer.js";
export { seededRandom, simulatePolicy, type Clock, type SimulatedJob, type SimulationOptions, type SimulationResult } from "./wait.js";
