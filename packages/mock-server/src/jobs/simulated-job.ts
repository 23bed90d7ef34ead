import { jobAt, jobTypeInfo, TERMINAL_STATUSES, type JobNode, type ServiceCatalogue } from "@cloud-jobs/fixtures";
import type { SimulationPlan } from "./simulation-plan.js";

/** A simulated job: its plan, when it was created, and the ids it and its sub-jobs carry. */
export interface SimulatedJob {
  readonly plan: SimulationPlan;
  readonly createdAt: number;
  readonly jobId: string;
  readonly subJobIds: readonly string[];
}

/** When the waiting phase (INIT or `initial_status`) ends: the first tenth of the job's life. */
export function startsAt(job: SimulatedJob): number {
  return job.createdAt + Math.round(job.plan.durationMs / 10);
}

/** When the job reaches SUCCESS or FAIL. */
export function finishesAt(job: SimulatedJob): number {
  return job.createdAt + job.plan.durationMs;
}

/**
 * Creates a job at `createdAt`. Ids embed their begin time the way real ids
 * do: the parent's is the creation time, each sub-job's the moment it starts.
 */
export function createSimulatedJob(plan: SimulationPlan, createdAt: number, idAt: (timeMs: number) => string): SimulatedJob {
  const partial = { plan, createdAt, jobId: idAt(createdAt), subJobIds: [] };
  const start = startsAt(partial);
  return { ...partial, subJobIds: Array.from({ length: plan.subJobs }, (_, i) => idAt(start + i)) };
}

/**
 * Sub-job `index` at `now`, or `undefined` before it exists. Sub-jobs start
 * when the parent leaves its waiting phase and finish one by one, evenly
 * spread before the parent's end; with outcome FAIL the last one fails.
 */
export function subJobAt(catalogue: ServiceCatalogue, job: SimulatedJob, index: number, now: number): JobNode | undefined {
  const start = startsAt(job);
  const id = job.subJobIds[index];
  if (id === undefined || now < start || !job.plan.subJobType) return undefined;
  const count = job.subJobIds.length;
  const end = start + Math.round(((finishesAt(job) - start) * (index + 1)) / (count + 1));
  const failed = job.plan.outcome === "FAIL" && index === count - 1;
  const status = now < end ? "RUNNING" : failed ? "FAIL" : "SUCCESS";
  return jobAt(catalogue, {
    jobType: job.plan.subJobType,
    jobId: id,
    status,
    beginMs: start + index,
    endMs: end,
    index,
    omitErrorKeys: job.plan.omitErrorKeys && !TERMINAL_STATUSES.has(status),
  });
}

/** The job at `now`: waiting, then RUNNING with its sub-jobs, then its outcome. */
export function simulatedJobAt(catalogue: ServiceCatalogue, job: SimulatedJob, now: number): JobNode {
  const { plan } = job;
  const status = now < startsAt(job) ? plan.initialStatus : now < finishesAt(job) ? "RUNNING" : plan.outcome;
  const children = job.subJobIds.map((_, i) => subJobAt(catalogue, job, i, now)).filter((s): s is JobNode => s !== undefined);
  const lists = jobTypeInfo(catalogue, plan.jobType).listsSubJobs;
  return jobAt(catalogue, {
    jobType: plan.jobType,
    jobId: job.jobId,
    status,
    beginMs: job.createdAt,
    endMs: finishesAt(job),
    subJobs: children.length > 0 ? children : lists ? [] : undefined,
    omitErrorKeys: plan.omitErrorKeys && !TERMINAL_STATUSES.has(status),
  });
}
