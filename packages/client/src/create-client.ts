import type { JobsClientOptions } from "./client-options.js";
import { createJobsClientCore, type JobsClientCore } from "./job-client-core.js";
import type { ServiceName } from "./service.js";
import type { JobOf } from "./types.js";
import { waitForJob, type JobWait, type WaitOptions } from "./wait/index.js";

/** A client for the job API of one service, typed by that service (`EvsJob` for `"evs"`, …). */
export interface JobsClient<S extends ServiceName> extends JobsClientCore<S> {
  /**
   * Polls the job until it ends (see the waiter's `waitForJob` for the exit
   * conditions): resolves on SUCCESS, rejects with `JobFailedError` on FAIL,
   * `WaitTimeoutError` at the deadline, `JobNotFoundError` on Common.0011, or
   * the signal's reason. Each poll is one `getJob` without the client's own
   * retries; the waiter retries transient errors itself, within its deadline.
   */
  waitForJob(jobId: string, options?: WaitOptions<JobOf<S>>): JobWait<JobOf<S>>;
}

/**
 * Creates a client for one service's `GET /v1/{project_id}/jobs/{job_id}`.
 * Options are checked at once (`InvalidArgumentError`); nothing is sent until
 * `getJob` or `waitForJob` is called.
 *
 * @example
 * const evs = createJobsClient({ service: "evs", region: "eu-de", projectId, auth: { token } });
 * const job = await evs.getJob(jobId); // EvsJob
 * const done = await evs.waitForJob(jobId, { timeoutMs: 600_000 });
 */
export function createJobsClient<S extends ServiceName>(options: JobsClientOptions<S>): JobsClient<S> {
  const core = createJobsClientCore(options);
  return {
    ...core,
    waitForJob: (jobId, waitOptions) =>
      waitForJob<JobOf<S>>((id, o) => core.getJob(id, { ...o, retry: false }), jobId, { service: core.service, ...waitOptions }),
  };
}
