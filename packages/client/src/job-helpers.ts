// One import path for the job helpers; each lives in its own file.
export { decodeErrorcodeMessage, type DecodedErrorcodeMessage } from "./errorcode-message.js";
export { isJobShaped, type JobShape } from "./job-shape.js";
export { isFailed, isFinished, isSucceeded, type HasStatus } from "./job-status.js";
export { jobTimes, parseJobTime, type JobTimes } from "./job-time.js";
export { JOB_STATUSES, KNOWN_JOB_TYPES, isKnownJobType, serviceOf } from "./job-type.js";
export { subJobsOf, summarizeSubJobs, type SubJobSummary } from "./sub-jobs.js";
