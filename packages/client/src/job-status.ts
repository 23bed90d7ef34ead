/** Anything with a job `status` (a job or a sub-job of any service). */
export interface HasStatus {
  readonly status?: unknown;
}

/**
 * True when the job reached a final status: `SUCCESS` or `FAIL`. Every other
 * status — `INIT`, `RUNNING`, Huawei Cloud's `PENDING_PAYMENT`,
 * `WAITING_EXECUTE`, `LISTENING`, or one no document lists — means "not yet".
 */
export function isFinished(job: HasStatus): boolean {
  return job.status === "SUCCESS" || job.status === "FAIL";
}

/** True when the job ended in `SUCCESS`. */
export function isSucceeded(job: HasStatus): boolean {
  return job.status === "SUCCESS";
}

/** True when the job ended in `FAIL`; `error_code` and `fail_reason` then say why. */
export function isFailed(job: HasStatus): boolean {
  return job.status === "FAIL";
}
