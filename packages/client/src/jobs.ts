// The job model as users see it: the generated types per service, and the helpers that read a job body.
import type { DecodedErrorcodeMessage, FailedSubJob } from "./errors.js";
import type { components } from "./generated/schema.js";
import { KNOWN_JOB_TYPES } from "./generated/known-job-types.js";

export { JOB_STATUSES, KNOWN_JOB_TYPES } from "./generated/known-job-types.js";
export type { components, operations, paths } from "./generated/schema.js";

type Schemas = components["schemas"];

/** The four services that share `GET /v1/{project_id}/jobs/{job_id}`. */ export type ServiceName = "ecs" | "bms" | "evs" | "vbs";

/** Every service name, in a fixed order. */ export const SERVICE_NAMES: readonly ServiceName[] = ["ecs", "bms", "evs", "vbs"];

/** Type guard for a service name given at run time (e.g. from a CLI flag). */
export function isServiceName(value: unknown): value is ServiceName {
  return typeof value === "string" && (SERVICE_NAMES as readonly string[]).includes(value);
}

/** An ECS job: `EcsKnownJob | EcsUnknownJob`. */ export type EcsJob = Schemas["EcsJob"];
/** An ECS job of a documented type; narrows on `job_type`. */ export type EcsKnownJob = Schemas["EcsKnownJob"];
/** An ECS job of a type no document lists (`job_type: string`, loose `entities`). */ export type EcsUnknownJob = Schemas["EcsUnknownJob"];
/** A BMS job: `BmsKnownJob | BmsUnknownJob`. */ export type BmsJob = Schemas["BmsJob"];
/** A BMS job of a documented type; narrows on `job_type`. */ export type BmsKnownJob = Schemas["BmsKnownJob"];
/** A BMS job of a type no document lists. */ export type BmsUnknownJob = Schemas["BmsUnknownJob"];
/** An EVS job: `EvsKnownJob | EvsUnknownJob`. */ export type EvsJob = Schemas["EvsJob"];
/** An EVS job of a documented type; narrows on `job_type`. */ export type EvsKnownJob = Schemas["EvsKnownJob"];
/** An EVS job of a type no document lists. */ export type EvsUnknownJob = Schemas["EvsUnknownJob"];
/** A VBS job: `VbsKnownJob | VbsUnknownJob`. */ export type VbsJob = Schemas["VbsJob"];
/** A VBS job of a documented type; narrows on `job_type`. */ export type VbsKnownJob = Schemas["VbsKnownJob"];
/** A VBS job of a type no document lists. */ export type VbsUnknownJob = Schemas["VbsUnknownJob"];
/** A job of any service (the 200 response of `showJob`). */ export type Job = Schemas["Job"];
/** A job of a documented type, of any service. */ export type KnownJob = EcsKnownJob | BmsKnownJob | EvsKnownJob | VbsKnownJob;
/** A job of an undocumented type, of any service. */
export type UnknownJob = EcsUnknownJob | BmsUnknownJob | EvsUnknownJob | VbsUnknownJob;
/** The job type of each service. */
export type JobsByService = { ecs: EcsJob; bms: BmsJob; evs: EvsJob; vbs: VbsJob };
/** The job of service `S`, e.g. `JobOf<"evs">` is `EvsJob`. */ export type JobOf<S extends ServiceName> = JobsByService[S];
/** The documented job types of service `S`, e.g. `"createVolume" | "batchCreateVolume" | …` for `"evs"`. */
export type KnownJobTypeOf<S extends ServiceName> = Extract<JobOf<S>, KnownJob>["job_type"];
/** The job schema of one documented type, e.g. `JobOfType<"evs", "createVolume">` is `EvsCreateVolumeJob`. */
export type JobOfType<S extends ServiceName, T extends KnownJobTypeOf<S>> = Extract<JobOf<S>, { job_type: T }>;
/** The documented part of a job union: `KnownPart<EvsJob>` is `EvsKnownJob`. */ export type KnownPart<J> = Extract<J, KnownJob>;
/** The undocumented part of a job union: `UnknownPart<EvsJob>` is `EvsUnknownJob`. */ export type UnknownPart<J> = Exclude<J, KnownJob>;
/** Status of a job of any service (`SUCCESS`, `FAIL`, `RUNNING`, `PENDING_PAYMENT`, …). */ export type JobStatus = Job["status"];
/** Any error body the API documents (nested, flat or gateway envelope). */ export type ErrorResponse = Schemas["ErrorResponse"];

/** The fields of a job body the waiter reads; every generated job type has them, and the waiter hands back the caller's type. */
export interface JobLike {
  readonly status?: string | null | undefined;
  readonly job_id?: string | null | undefined;
  readonly job_type?: string | null | undefined;
  readonly begin_time?: string | null | undefined;
}

/** The minimum every job body has: the three required fields of every job schema. */
export type JobShape = { readonly job_id: string; readonly job_type: string; readonly status: string };

/** Anything with a job `status` (a job or a sub-job of any service). */
export type HasStatus = { readonly status?: unknown };

/** Counts of a job's sub-jobs; `running` is everything not finished yet (INIT, RUNNING, not listed yet, …). */
export type SubJobSummary = { readonly total: number; readonly succeeded: number; readonly failed: number; readonly running: number };

/** A job's times as `Date | undefined`. */
export type JobTimes = { readonly beginTime: Date | undefined; readonly endTime: Date | undefined };

const asRecord = (value: unknown): Record<string, unknown> | undefined =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

/** True for an object with string `job_id`, `job_type` and `status`: all a 200 body needs to be a job (the cloud adds fields). */
export function isJobShaped(value: unknown): value is JobShape {
  const record = asRecord(value);
  return typeof record?.["job_id"] === "string" && typeof record["job_type"] === "string" && typeof record["status"] === "string";
}

/** True for a final status, `SUCCESS` or `FAIL`; any other (`INIT`, `RUNNING`, `PENDING_PAYMENT`, undocumented) is "not yet". */
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

/** Reads `begin_time`/`end_time` as a `Date`; `""` (sent while a job runs), `null`, absent or unreadable give `undefined`. */
export function parseJobTime(value: unknown): Date | undefined {
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * `begin_time` and `end_time` of a job or sub-job as dates.
 *
 * @example
 * const { beginTime, endTime } = jobTimes(job);
 * if (beginTime && endTime) console.log(`took ${endTime.getTime() - beginTime.getTime()} ms`);
 */
export function jobTimes(job: { readonly begin_time?: unknown; readonly end_time?: unknown }): JobTimes {
  return { beginTime: parseJobTime(job.begin_time), endTime: parseJobTime(job.end_time) };
}

/** The sub-jobs of a job: `entities.sub_jobs` (ECS, BMS, EVS) or top-level `sub_jobs` (VBS); items that are not jobs are skipped. */
export function subJobsOf(job: object): JobShape[] {
  const record = job as Record<string, unknown>;
  const inEntities = asRecord(record["entities"])?.["sub_jobs"];
  const list = Array.isArray(inEntities) ? inEntities : record["sub_jobs"];
  return Array.isArray(list) ? list.filter(isJobShaped) : [];
}

/**
 * Summarises the sub-jobs of a job of any service. `total` is the larger of the listed sub-jobs and
 * `entities.sub_jobs_total` (ECS, BMS), because a starting job may announce sub-jobs it does not list yet.
 *
 * @example
 * const { total, succeeded, failed } = summarizeSubJobs(job);
 * console.log(`${succeeded}/${total} servers created, ${failed} failed`);
 */
export function summarizeSubJobs(job: object): SubJobSummary {
  const subJobs = subJobsOf(job);
  const announced = asRecord((job as Record<string, unknown>)["entities"])?.["sub_jobs_total"];
  const total = Math.max(subJobs.length, typeof announced === "number" && Number.isSafeInteger(announced) && announced > 0 ? announced : 0);
  const succeeded = subJobs.filter(isSucceeded).length;
  const failed = subJobs.filter(isFailed).length;
  return { total, succeeded, failed, running: total - succeeded - failed };
}

/** The sub-jobs of a job that failed themselves, `errorcode_message` decoded (what `JobFailedError` reports). */
export function failedSubJobsOf(job: object): FailedSubJob[] {
  return subJobsOf(job)
    .filter(isFailed)
    .map((sub: Record<string, unknown>) => ({
      ...{ jobId: nonEmpty(sub["job_id"]), jobType: nonEmpty(sub["job_type"]) },
      ...{ errorCode: nonEmpty(sub["error_code"]), failReason: nonEmpty(sub["fail_reason"]) },
      errorcodeMessage: decodeErrorcodeMessage(asRecord(sub["entities"])?.["errorcode_message"]),
    }));
}

const field = (record: Record<string, unknown>, key: string): string | number | undefined => {
  const value = record[key];
  return typeof value === "string" || (typeof value === "number" && Number.isFinite(value)) ? value : undefined;
};

/**
 * Decodes an ECS sub-job's `entities.errorcode_message`, which often holds a JSON string such as `{"forbidden":
 * {"code": 403, "message": "Quota exceeded …"}}` (a Nova error). Plain text stays the message; `""`, `null` and absent
 * give `undefined`.
 *
 * @example
 * decodeErrorcodeMessage(subJob.entities?.errorcode_message)?.message // "Quota exceeded for instances: ..."
 */
export function decodeErrorcodeMessage(value: unknown): DecodedErrorcodeMessage | undefined {
  if (typeof value !== "string" || value.trim() === "") return undefined;
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    return { raw: value, message: value };
  }
  const outer = asRecord(json);
  if (outer === undefined) return { raw: value, message: value, json };
  const direct = field(outer, "message");
  if (direct !== undefined) return { raw: value, message: String(direct), code: field(outer, "code"), json };
  for (const [kind, inner] of Object.entries(outer)) {
    const message = asRecord(inner) && field(inner as Record<string, unknown>, "message");
    if (message !== undefined) return { raw: value, message: String(message), code: field(inner as Record<string, unknown>, "code"), kind, json };
  }
  return { raw: value, message: value, json };
}

/** A string that says something, else `undefined`. */
export function nonEmpty(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

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
 * Type guard: true when `job_type` is one the spec documents for the job's service. The true branch is the service's
 * `<Svc>KnownJob`, which narrows on `job_type`; the false branch is `<Svc>UnknownJob` (`job_type: string`, loose
 * `entities`) — a typed path for job types the cloud added later. The service is the one the job was fetched from (jobs
 * returned by `getJob`/`waitForJob`, and their sub-jobs), else `service`, else any service's list is accepted.
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
  if (from) return (KNOWN_JOB_TYPES[from] as readonly string[]).includes(job.job_type);
  return (allKnown ??= new Set(Object.values(KNOWN_JOB_TYPES).flat())).has(job.job_type);
}
