import { KNOWN_JOB_TYPES } from "./generated/known-job-types.js";
import type { ServiceName } from "./service.js";
import { subJobsOf } from "./sub-jobs.js";
import type { Job, KnownPart } from "./types.js";

export { KNOWN_JOB_TYPES, JOB_STATUSES } from "./generated/known-job-types.js";

// A job body does not say which service sent it; the client remembers it for
// each job (and sub-job) it returns, without touching the object itself.
const serviceOfJob = new WeakMap<object, ServiceName>();
// Built on first use: a module-level Set would keep the job-type lists in every bundle that fetches a job.
let allKnown: ReadonlySet<string> | undefined;

/** Records which service a job (and, recursively, its sub-jobs) came from. Used by the client. */
export function rememberService(job: object, service: ServiceName, depth = 0): void {
  serviceOfJob.set(job, service);
  if (depth < 8) for (const sub of subJobsOf(job)) rememberService(sub, service, depth + 1);
}

/** The service a job was fetched from, when it came from a client of this package. */
export function serviceOf(job: object): ServiceName | undefined {
  return serviceOfJob.get(job);
}

/**
 * Type guard: true when `job_type` is one the spec documents for the job's
 * service. The true branch is the service's `<Svc>KnownJob`, which narrows
 * on `job_type`; the false branch is `<Svc>UnknownJob` (`job_type: string`,
 * loose `entities`) — a typed path for job types the cloud added later.
 *
 * The service is the one the job was fetched from (jobs returned by
 * `getJob`/`waitForJob`, and their sub-jobs), else `service`, else any
 * service's list is accepted.
 *
 * @example
 * const job = await evs.getJob(id);
 * if (isKnownJobType(job)) {
 *   if (job.job_type === "createVolume") console.log(job.entities?.volume_id);
 * } else {
 *   console.log("undocumented job type", job.job_type);
 * }
 */
export function isKnownJobType<J extends Job>(job: J, service?: ServiceName): job is KnownPart<J> {
  const from = serviceOfJob.get(job) ?? service;
  const known: readonly string[] | ReadonlySet<string> = from
    ? KNOWN_JOB_TYPES[from]
    : (allKnown ??= new Set(Object.values(KNOWN_JOB_TYPES).flat()));
  return "has" in known ? known.has(job.job_type) : known.includes(job.job_type);
}
