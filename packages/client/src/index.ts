// Public API of @cloud-jobs/client: what a user calls or catches. Types are free; every runtime name here
// is a promise to users, so there are few. Signing lives on `@cloud-jobs/client/signer`; what only this
// repository's docs and benchmarks need lives on `@cloud-jobs/client/internal`, without that promise.

// Calling the API and waiting
export { createJobsClient, type JobsClient } from "./client.js";
export { createJobWatcher, waitForJob } from "./wait.js";
export type { JobWait, JobWatcher, JobWatcherStats, SubJobProgress, WaitProgress, WaitRetryInfo, WaitState } from "./wait.js";
export type { PollingPolicy, PollingPolicyInput } from "./policy.js";
export { assertJobId, endpointFor } from "./options.js";
export { SERVICE_NAMES } from "./jobs.js";
export type {
  AkSkAuth,
  Auth,
  Cloud,
  EndpointOptions,
  FetchLike,
  GetJob,
  GetJobOptions,
  JobWatcherCommonOptions,
  JobWatcherOptions,
  JobsClientLike,
  JobsClientOptions,
  RetryEvent,
  RetryOptions,
  TokenAuth,
  WaitOptions,
  WaitTuning,
} from "./options.js";

// Errors
export { InvalidArgumentError, JobFailedError, JobNotFoundError, JobsApiError, WaitTimeoutError, WatcherClosedError } from "./errors.js";
export type { ClientErrorCode, DecodedErrorcodeMessage, FailedSubJob, JobsApiErrorInit } from "./errors.js";

// Reading jobs
export { decodeErrorcodeMessage, isFailed, isFinished, isKnownJobType, isSucceeded, jobTimes, subJobsOf, summarizeSubJobs } from "./jobs.js";
export type {
  BmsJob,
  BmsKnownJob,
  BmsUnknownJob,
  EcsJob,
  EcsKnownJob,
  EcsUnknownJob,
  ErrorResponse,
  EvsJob,
  EvsKnownJob,
  EvsUnknownJob,
  HasStatus,
  Job,
  JobLike,
  JobOf,
  JobOfType,
  JobShape,
  JobStatus,
  JobTimes,
  JobsByService,
  KnownJob,
  KnownJobTypeOf,
  KnownPart,
  ServiceName,
  SubJobSummary,
  UnknownJob,
  UnknownPart,
  VbsJob,
  VbsKnownJob,
  VbsUnknownJob,
  components,
  operations,
  paths,
} from "./jobs.js";
