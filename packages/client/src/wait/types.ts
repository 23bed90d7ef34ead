import type { WaitState } from "./wait-state.js";

/**
 * The fields of a job body the waiter reads. Every generated job type of the
 * client satisfies it; the waiter hands back the caller's own type untouched.
 */
export interface JobLike {
  readonly status?: string | null | undefined;
  readonly job_id?: string | null | undefined;
  readonly job_type?: string | null | undefined;
  readonly begin_time?: string | null | undefined;
}

/**
 * Fetches a job once. The waiter calls it with the client's own retries
 * disabled and retries transient errors itself, within the deadline.
 */
export type GetJob<J extends JobLike = JobLike> = (jobId: string, options: { signal?: AbortSignal }) => Promise<J>;

/** Sub-job counts of a job (zeros when it has none). */
export interface SubJobProgress {
  readonly total: number;
  readonly succeeded: number;
  readonly failed: number;
  readonly running: number;
}

/** What `onProgress` receives after every poll that returned a job. */
export interface WaitProgress<J extends JobLike = JobLike> {
  /** The job as returned by this poll. */
  readonly job: J;
  /** `job.status` (`INIT`, `RUNNING`, `PENDING_PAYMENT`, `WAITING_EXECUTE`, `LISTENING`, `SUCCESS`, `FAIL`, or a status not yet documented). */
  readonly status: string;
  /** Sub-job counts. */
  readonly subJobs: SubJobProgress;
  /** Time since the wait started (the original start when resumed). */
  readonly elapsedMs: number;
  /** Time since the job's `begin_time`, when it has a usable one. */
  readonly jobElapsedMs: number | undefined;
  /** Polls sent so far, this one included (and those before a resume). */
  readonly polls: number;
  /** Serialisable state: save it to resume the wait in another process. */
  readonly state: WaitState;
}

/** What `onRetry` receives after a poll that failed with a transient error. */
export interface WaitRetryInfo {
  /** The error (a `JobsApiError` with `retryable: true` when it comes from the client). */
  readonly error: unknown;
  /** Transient errors in a row, this one included. */
  readonly consecutiveErrors: number;
  /** Delay until the next poll, or `undefined` when none fits before the deadline. */
  readonly nextPollInMs: number | undefined;
  /** Polls sent so far. */
  readonly polls: number;
}
