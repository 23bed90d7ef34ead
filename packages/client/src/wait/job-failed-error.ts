import { errorJson } from "../errors.js";
import type { DecodedErrorcodeMessage } from "../job-helpers.js";
import type { JobLike } from "./types.js";

/** A sub-job that ended in FAIL, as `JobFailedError` reports it. */
export interface FailedSubJob {
  readonly jobId: string | undefined;
  readonly jobType: string | undefined;
  readonly errorCode: string | undefined;
  readonly failReason: string | undefined;
  /**
   * ECS `entities.errorcode_message`, decoded: `message` is the embedded
   * error's text when the string holds JSON (e.g. a Nova `{"forbidden":{…}}`
   * body), else the string; `undefined` when the sub-job has none.
   */
  readonly errorcodeMessage: DecodedErrorcodeMessage | undefined;
}

/** What `JobFailedError` is built from. */
export interface JobFailedInit<J> {
  readonly job: J;
  readonly jobId: string;
  readonly service: string | undefined;
  readonly errorCode: string | undefined;
  readonly failReason: string | undefined;
  readonly failedSubJobs: readonly FailedSubJob[];
}

/**
 * The job ended with status FAIL. Carries the job, its `error_code` and
 * `fail_reason`, and the failed sub-jobs with their decoded `errorcode_message`.
 *
 * @example
 * catch (e) { if (e instanceof JobFailedError) console.error(e.errorCode, e.failedSubJobs[0]?.errorcodeMessage) }
 */
export class JobFailedError<J = JobLike> extends Error {
  override readonly name = "JobFailedError";
  readonly code = "JOB_FAILED";
  declare readonly job: J;
  declare readonly jobId: string;
  declare readonly service: string | undefined;
  /** `error_code` of the job, e.g. `Ecs.0204`. */
  declare readonly errorCode: string | undefined;
  /** `fail_reason` of the job. */
  declare readonly failReason: string | undefined;
  declare readonly failedSubJobs: readonly FailedSubJob[];

  constructor(init: JobFailedInit<J>) {
    const why = [init.errorCode, init.failReason].filter((s) => s !== undefined && s !== "").join(": ");
    const subs = init.failedSubJobs.length > 0 ? ` (${init.failedSubJobs.length} sub-job(s) failed)` : "";
    super(`Job ${init.jobId} failed${why === "" ? "" : `: ${why}`}${subs}`);
    Object.assign(this, init);
  }

  /** Plain-data view for logs. */
  toJSON(): Record<string, unknown> {
    return errorJson(this, ["name", "code", "message", "jobId", "service", "errorCode", "failReason", "failedSubJobs", "job"]);
  }
}
