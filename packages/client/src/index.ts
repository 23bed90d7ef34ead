// Public API of @cloud-jobs/client: what a user calls or catches (20 runtime names; types are free).
// Signing lives on `@cloud-jobs/client/signer`; what only this repository's docs and benchmarks need
// lives on `@cloud-jobs/client/internal`, without a compatibility promise.
export { createJobsClient, type JobsClient } from "./client.js";
export { createJobWatcher, waitForJob } from "./wait.js";
export { InvalidArgumentError, JobFailedError, JobNotFoundError, JobsApiError, WaitTimeoutError, WatcherClosedError } from "./errors.js";
export { assertJobId, endpointFor } from "./options.js";
export { SERVICE_NAMES, decodeErrorcodeMessage, isFailed, isFinished, isKnownJobType, isSucceeded, jobTimes, subJobsOf, summarizeSubJobs } from "./jobs.js";
export type * from "./errors.js";
export type * from "./jobs.js";
export type * from "./options.js";
export type * from "./wait.js";
export type { PollingPolicy, PollingPolicyInput } from "./policy.js";
