import type { JobsClientOptions } from "./client-options.js";
import { createJobsClientCore, type JobsClientCore } from "./job-client-core.js";
import type { ServiceName } from "./service.js";

/** A client for the job API of one service; `getJob` resolves to that service's job type. */
export type JobsClient<S extends ServiceName> = JobsClientCore<S>;

/**
 * Creates a client for one service's `GET /v1/{project_id}/jobs/{job_id}`.
 *
 * @example
 * const evs = createJobsClient({ service: "evs", region: "eu-de", projectId, auth: { token } });
 * const job = await evs.getJob(jobId); // EvsJob
 */
export function createJobsClient<S extends ServiceName>(options: JobsClientOptions<S>): JobsClient<S> {
  return createJobsClientCore(options);
}
