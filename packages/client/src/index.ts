// Public API of @cloud-jobs/client. Everything here is a named export; there are no side effects.

// Client
export { createJobsClient, type JobsClient } from "./create-client.js";
export { MAX_JOB_BODY_BYTES, createJobsClientCore, type JobsClientCore } from "./job-client-core.js";
export {
  DEFAULT_TIMEOUT_MS,
  type AkSkAuth,
  type Auth,
  type FetchLike,
  type GetJobOptions,
  type JobsClientOptions,
  type TokenAuth,
} from "./client-options.js";
export { endpointFor, type Cloud, type EndpointOptions } from "./endpoint.js";
export { MAX_ID_LENGTH, assertJobId, assertProjectId, isSafeId } from "./ids.js";
export { SERVICE_NAMES, isServiceName, type ServiceName } from "./service.js";

// Errors and retries
export { InvalidArgumentError, JobsApiError, type ClientErrorCode, type JobsApiErrorInit } from "./errors.js";
export { RETRYABLE_STATUSES, THROTTLING_CODES, extractErrorFields, type ErrorFields } from "./normalize-error.js";
export { parseRetryAfter } from "./retry-after.js";
export { DEFAULT_RETRY, backoffDelay, type ResolvedRetry, type RetryEvent, type RetryOptions } from "./retry.js";

// Job types and helpers
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
  Job,
  JobOf,
  JobOfType,
  JobsByService,
  JobStatus,
  KnownJob,
  KnownJobTypeOf,
  KnownPart,
  UnknownJob,
  UnknownPart,
  VbsJob,
  VbsKnownJob,
  VbsUnknownJob,
  components,
  operations,
  paths,
} from "./types.js";
export {
  JOB_STATUSES,
  KNOWN_JOB_TYPES,
  decodeErrorcodeMessage,
  isFailed,
  isFinished,
  isJobShaped,
  isKnownJobType,
  isSucceeded,
  jobTimes,
  parseJobTime,
  serviceOf,
  subJobsOf,
  summarizeSubJobs,
  type DecodedErrorcodeMessage,
  type HasStatus,
  type JobShape,
  type JobTimes,
  type SubJobSummary,
} from "./job-helpers.js";

// SDK-HMAC-SHA256 signing and verification live on the subpath `@cloud-jobs/client/signer`
// (src/signer.ts), so that the lazily loaded signer stays out of token-only bundles.

// The waiter (src/wait/, its own index lists its public API): waitForJob, createJobWatcher,
// JobFailedError, WaitTimeoutError, JobNotFoundError, polling policies and their types.
export * from "./wait/index.js";
