import {
  decodeErrorcodeMessage,
  isFailed,
  isSucceeded,
  parseJobTime,
  subJobsOf,
  summarizeSubJobs,
} from "../job-helpers.js";
import { JobFailedError, type FailedSubJob } from "./job-failed-error.js";
import type { JobLike, SubJobProgress } from "./types.js";

/** What one poll's job tells the waiter. */
export interface JobView {
  readonly status: string;
  readonly outcome: "succeeded" | "failed" | "pending";
  readonly beganAt: number | undefined;
  readonly subJobs: SubJobProgress;
}

/** Reads status, outcome, `begin_time` and sub-job counts of a job body. Only SUCCESS and FAIL end a wait. */
export function viewJob(job: JobLike): JobView {
  const status = typeof job.status === "string" ? job.status : "";
  const outcome = isSucceeded(job) ? "succeeded" : isFailed(job) ? "failed" : "pending";
  return { status, outcome, beganAt: parseJobTime(job.begin_time)?.getTime(), subJobs: summarizeSubJobs(job) };
}

/** The sub-jobs of a job that failed themselves, `errorcode_message` decoded. */
export function failedSubJobsOf(job: JobLike): FailedSubJob[] {
  return subJobsOf(job)
    .filter(isFailed)
    .map((sub) => {
      const body = sub as unknown as Record<string, unknown>;
      const entities = body["entities"];
      const raw = typeof entities === "object" && entities !== null ? (entities as Record<string, unknown>)["errorcode_message"] : undefined;
      return {
        jobId: text(body["job_id"]),
        jobType: text(body["job_type"]),
        errorCode: text(body["error_code"]),
        failReason: text(body["fail_reason"]),
        errorcodeMessage: decodeErrorcodeMessage(raw),
      };
    });
}

/** The `JobFailedError` for a job whose status is FAIL. */
export function jobFailedError<J extends JobLike>(job: J, jobId: string, service: string | undefined): JobFailedError<J> {
  const body = job as Record<string, unknown>;
  return new JobFailedError({
    job,
    jobId,
    service,
    errorCode: text(body["error_code"]),
    failReason: text(body["fail_reason"]),
    failedSubJobs: failedSubJobsOf(job),
  });
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}
