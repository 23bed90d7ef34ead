import { isJobShaped, type JobShape } from "./job-shape.js";

/** Counts of a job's sub-jobs; `running` is everything not finished yet (INIT, RUNNING, not listed yet, …). */
export interface SubJobSummary {
  readonly total: number;
  readonly succeeded: number;
  readonly failed: number;
  readonly running: number;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/**
 * The sub-jobs of a job of any service: `entities.sub_jobs` (ECS, BMS, EVS)
 * or top-level `sub_jobs` (VBS; also how gophertelekomcloud models EVS).
 * `null`, absent, or malformed lists give `[]`; items that are not jobs are skipped.
 */
export function subJobsOf(job: object): JobShape[] {
  const record = job as Record<string, unknown>;
  const inEntities = asRecord(record["entities"])?.["sub_jobs"];
  const list = Array.isArray(inEntities) ? inEntities : record["sub_jobs"];
  return Array.isArray(list) ? list.filter(isJobShaped) : [];
}

/**
 * Summarises the sub-jobs of a job of any of the four services. `total` is
 * the larger of the listed sub-jobs and `entities.sub_jobs_total` (ECS, BMS),
 * because a starting job may announce sub-jobs it does not list yet.
 *
 * @example
 * const { total, succeeded, failed } = summarizeSubJobs(job);
 * console.log(`${succeeded}/${total} servers created, ${failed} failed`);
 */
export function summarizeSubJobs(job: object): SubJobSummary {
  const subJobs = subJobsOf(job);
  const announced = asRecord((job as Record<string, unknown>)["entities"])?.["sub_jobs_total"];
  const total = Math.max(
    subJobs.length,
    typeof announced === "number" && Number.isSafeInteger(announced) && announced > 0 ? announced : 0,
  );
  const succeeded = subJobs.filter((s) => s.status === "SUCCESS").length;
  const failed = subJobs.filter((s) => s.status === "FAIL").length;
  return { total, succeeded, failed, running: total - succeeded - failed };
}
