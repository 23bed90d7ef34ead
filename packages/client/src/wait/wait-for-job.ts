import { InvalidArgumentError } from "../errors.js";
import { createJobWatcher } from "./job-watcher.js";
import type { GetJob, JobLike } from "./types.js";
import { rejectedWaitHandle, type JobWait } from "./wait-handle.js";
import type { WaitOptions } from "./wait-options.js";

/**
 * Polls a job until it ends.
 *
 * Exit conditions:
 * - **resolves** with the job when its `status` is `SUCCESS`;
 * - **rejects** with `JobFailedError` when it is `FAIL` (with `error_code`,
 *   `fail_reason` and the failed sub-jobs, `errorcode_message` decoded);
 * - **rejects** with `WaitTimeoutError` at the deadline, `timeoutMs` after the
 *   (original) start — carrying the last job seen; a request still in flight
 *   then is aborted;
 * - **rejects** with `signal.reason` as soon as `signal` aborts;
 * - **rejects** with `JobNotFoundError` on `Common.0011` (unknown or expired job);
 * - **rejects** with the error itself on any other non-transient error (401, 403, 404 …);
 * - **rejects** with `InvalidArgumentError` before any request when an option is bad.
 *
 * Every other status (`INIT`, `RUNNING`, `PENDING_PAYMENT`, `WAITING_EXECUTE`,
 * `LISTENING`, statuses not yet documented) keeps the wait going and is
 * reported to `onProgress`. Transient errors (429, 5xx, network, timeouts —
 * `retryable: true`) are retried within the deadline, honouring `Retry-After`.
 * Nothing is left behind when it settles: no timer, no request.
 *
 * Polling: the first poll goes at once; the next ones follow `nextPollDelay`
 * (7.5 % of the job's running time, sooner when sub-jobs say the end is
 * near, between `minDelayMs` and `maxDelayMs`); the last one is trimmed so that
 * it is answered by the deadline.
 *
 * @param getJob fetches the job once; give it without retries of its own
 * @returns the job's promise, which also offers `getState()` to resume later
 * @example
 * const job = await waitForJob((id, o) => client.getJob(id, { ...o, retry: false }), jobId, {
 *   timeoutMs: 3_600_000,
 *   onProgress: ({ status, subJobs }) => console.log(status, `${subJobs.succeeded}/${subJobs.total}`),
 * });
 */
export function waitForJob<J extends JobLike>(getJob: GetJob<J>, jobId: string, options?: WaitOptions<J>): JobWait<J> {
  if (typeof getJob !== "function") return rejectedWaitHandle(new InvalidArgumentError("getJob", "expected a function"));
  // A watcher of one, without a rate cap: the same scheduling code serves one wait and ten thousand.
  return createJobWatcher<J>({ getJob, maxRequestsPerSecond: Number.POSITIVE_INFINITY }).wait(jobId, options);
}
