import { jobIdAt, renderJob, type JobCatalogue, type JobNode, type ServiceName } from "@cloud-jobs/fixtures";
import { createSimulatedJob, finishesAt, simulatedJobAt, subJobAt, type SimulatedJob } from "./simulated-job.js";
import type { SimulationPlan } from "./simulation-plan.js";

/** What `POST /mock/jobs` answers (201) and `GET /mock/jobs` lists. */
export interface SimulatedJobInfo {
  readonly job_id: string;
  readonly service: ServiceName;
  readonly job_type: string;
  readonly sub_job_ids: readonly string[];
  readonly created_at: string;
  readonly finishes_at: string;
  readonly outcome: "SUCCESS" | "FAIL";
  readonly project_id?: string;
}

/** Oldest jobs are forgotten beyond this many, so a flood of creations cannot exhaust memory. */
const MAX_JOBS = 10_000;

/** The simulated jobs of one server, each moving by the server's clock. */
export class Simulations {
  private readonly jobs = new Map<string, SimulatedJob>();
  private readonly subs = new Map<string, { job: SimulatedJob; index: number }>();
  private counter = 1;

  constructor(
    private readonly catalogue: JobCatalogue,
    private readonly taken: (service: ServiceName, jobId: string) => boolean,
  ) {}

  create(plan: SimulationPlan, now: number): SimulatedJobInfo {
    const idAt = (time: number): string => {
      let id: string;
      do id = jobIdAt(plan.service, time, this.counter++);
      while (this.jobs.has(id) || this.subs.has(id) || this.taken(plan.service, id));
      return id;
    };
    const job = createSimulatedJob(plan, now, idAt);
    this.jobs.set(job.jobId, job);
    job.subJobIds.forEach((id, index) => this.subs.set(id, { job, index }));
    while (this.jobs.size > MAX_JOBS) this.forget(this.jobs.values().next().value!);
    return infoOf(job);
  }

  /** The job or sub-job `jobId` at `now` as the API would send it; `undefined` if unknown, not yet started or hidden from `projectId`. */
  find(jobId: string, projectId: string, now: number): { service: ServiceName; body: ReturnType<typeof renderJob> } | undefined {
    const job = this.jobs.get(jobId);
    const sub = job ? undefined : this.subs.get(jobId);
    const owner = job ?? sub?.job;
    if (!owner || (owner.plan.projectId !== undefined && owner.plan.projectId !== projectId)) return undefined;
    const catalogue = this.catalogue[owner.plan.service];
    const node: JobNode | undefined = sub ? subJobAt(catalogue, sub.job, sub.index, now) : simulatedJobAt(catalogue, owner, now);
    return node && { service: owner.plan.service, body: renderJob(catalogue, node) };
  }

  serviceOf(jobId: string): ServiceName | undefined {
    return (this.jobs.get(jobId) ?? this.subs.get(jobId)?.job)?.plan.service;
  }

  list(): SimulatedJobInfo[] {
    return [...this.jobs.values()].map(infoOf);
  }

  clear(): void {
    this.jobs.clear();
    this.subs.clear();
  }

  private forget(job: SimulatedJob): void {
    this.jobs.delete(job.jobId);
    for (const id of job.subJobIds) this.subs.delete(id);
  }
}

function infoOf(job: SimulatedJob): SimulatedJobInfo {
  return {
    job_id: job.jobId,
    service: job.plan.service,
    job_type: job.plan.jobType,
    sub_job_ids: job.subJobIds,
    created_at: new Date(job.createdAt).toISOString(),
    finishes_at: new Date(finishesAt(job)).toISOString(),
    outcome: job.plan.outcome,
    ...(job.plan.projectId ? { project_id: job.plan.projectId } : {}),
  };
}
