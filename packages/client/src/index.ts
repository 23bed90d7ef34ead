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

// SDK-HMAC-SHA256 signing (also used by the mock server to verify requests)
export {
  EMPTY_BODY_SHA256,
  SIGNING_ALGORITHM,
  canonicalHeaders,
  canonicalQueryString,
  canonicalRequest,
  canonicalUri,
  signedHeaderNames,
  stringToSign,
  type CanonicalRequestParts,
  type HeaderInput,
} from "./auth/canonical-request.js";
export { percentEncode } from "./auth/percent-encode.js";
export {
  authorizationHeader,
  formatSdkDate,
  payloadHash,
  signRequest,
  type AkSkCredentials,
  type SignableRequest,
  type SignedRequest,
} from "./auth/signer.js";
export {
  parseAuthorization,
  verifySignature,
  type ParsedAuthorization,
  type ReceivedRequest,
  type VerifyOptions,
  type VerifyResult,
} from "./auth/verify.js";
export { hmacSha256Hex, sha256Hex } from "./auth/web-crypto.js";

// The waiter (src/wait/, its own index lists its public API): waitForJob, createJobWatcher,
// JobFailedError, WaitTimeoutError, JobNotFoundError, polling policies and their types.
export * from "./wait/index.js";
