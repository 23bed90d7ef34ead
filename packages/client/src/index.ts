// Public API of @cloud-jobs/client: what a user calls or catches (20 runtime names; types are free).
// Signing lives on `@cloud-jobs/client/signer`; what only this repository's docs and benchmarks need
// lives on `@cloud-jobs/client/internal`, without a compatibility promise.
export { createJobsClient, type JobsClient } from "./client.js";
export { createJobWatcher, waitForJob } from "./wait.js";
export { ContractViolationError, InvalidArgumentError, JobFailedError, JobNotFoundError, JobsApiError, WaitTimeoutError, WatcherClosedError } from "./errors.js";
export { assertJobId } from "./options.js";
export { SERVICE_NAMES, decodeErrorcodeMessage, isFailed, isFinished, isKnownJobType, isSucceeded, jobTimes, subJobsOf, summarizeSubJobs } from "./jobs.js";
export type { ContractViolation } from "./contract.js";
export type { ClientErrorCode, ContractViolationInit, DecodedErrorcodeMessage, FailedSubJob, JobFailedInit, JobNotFoundInit, JobsApiErrorInit, WaitTimeoutInit } from "./errors.js";
export type { BmsJob, BmsKnownJob, BmsUnknownJob, EcsJob, EcsKnownJob, EcsUnknownJob, ErrorResponse, EvsJob, EvsKnownJob, EvsUnknownJob } from "./jobs.js";
export type { HasStatus, Job, JobLike, JobOf, JobOfType, JobShape, JobStatus, JobTimes, JobsByService, KnownJob, KnownJobTypeOf } from "./jobs.js";
export type { KnownPart, ServiceName, SubJobSummary, UnknownJob, UnknownPart, VbsJob, VbsKnownJob, VbsUnknownJob } from "./jobs.js";
export type { components, operations, paths } from "./jobs.js";
export type { AkSkAuth, Auth, Cloud, ContractValidation, EndpointOptions, FetchLike, GetJob, GetJobOptions, JobWatcherCommonOptions } from "./options.js";
export type { JobWatcherOptions, JobsClientLike, JobsClientOptions, RetryEvent, RetryOptions, TokenAuth, WaitOptions, WaitTuning } from "./options.js";
export type { PollingPolicy, PollingPolicyInput } from "./policy.js";
export type { JobWait, JobWatcher, JobWatcherStats, SubJobProgress, WaitProgress, WaitRetryInfo, WaitState } from "./wait.js";
