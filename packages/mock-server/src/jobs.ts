import { jobAt, jobIdAt, jobTypeInfo, renderJob, TERMINAL_STATUSES, type Fixture, type JobBody, type JobCatalogue, type JobNode, type ServiceCatalogue, type ServiceName } from "@cloud-jobs/fixtures";
import { fixtureAnswer, jsonAnswer, type Answer } from "./answer.js";
import type { SimulationPlan } from "./simulation-plan.js";

/** A simulated job: its plan, when it was created, and the ids it and its sub-jobs carry. */
interface SimulatedJob {
  readonly plan: SimulationPlan;
  readonly createdAt: number;
  readonly jobId: string;
  readonly subJobIds: readonly string[];
}

/** When the waiting phase (INIT or `initial_status`) ends: the first tenth of the job's life. */
function startsAt(job: SimulatedJob): number {
  return job.createdAt + Math.round(job.plan.durationMs / 10);
}

/** When the job reaches SUCCESS or FAIL. */
function finishesAt(job: SimulatedJob): number {
  return job.createdAt + job.plan.durationMs;
}

/**
 * Creates a job at `createdAt`. Ids embed their begin time the way real ids
 * do: the parent's is the creation time, each sub-job's the moment it starts.
 */
function createSimulatedJob(plan: SimulationPlan, createdAt: number, idAt: (timeMs: number) => string): SimulatedJob {
  const partial = { plan, createdAt, jobId: idAt(createdAt), subJobIds: [] };
  const start = startsAt(partial);
  return { ...partial, subJobIds: Array.from({ length: plan.subJobs }, (_, i) => idAt(start + i)) };
}

/**
 * Sub-job `index` at `now`, or `undefined` before it exists. Sub-jobs start
 * when the parent leaves its waiting phase and finish one by one, evenly
 * spread before the parent's end; with outcome FAIL the last one fails.
 */
function subJobAt(catalogue: ServiceCatalogue, job: SimulatedJob, index: number, now: number): JobNode | undefined {
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
function simulatedJobAt(catalogue: ServiceCatalogue, job: SimulatedJob, now: number): JobNode {
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

type Body = Record<string, unknown>;

function subJobsOf(body: Body): Body[] {
  const entities = (body.entities ?? {}) as Body;
  const list = Array.isArray(entities.sub_jobs) ? entities.sub_jobs : Array.isArray(body.sub_jobs) ? body.sub_jobs : [];
  return list.filter((s): s is Body => typeof s === "object" && s !== null);
}

/**
 * Fixtures by service and job id. A sub-job can be queried by its own id (the
 * references' BMS example does exactly that), so sub-jobs are indexed too;
 * a fixture of its own wins over a sub-job with the same id.
 */
export class FixtureIndex {
  private readonly byKey = new Map<string, { readonly service: ServiceName; answer(): Answer }>();
  private readonly servicesById = new Map<string, ServiceName[]>();

  constructor(fixtures: readonly Fixture[]) {
    for (const fixture of fixtures) this.put(fixture.service, fixture.jobId, () => fixtureAnswer(fixture));
    for (const fixture of fixtures) {
      if (fixture.kind !== "job") continue;
      const walk = (body: Body): void => {
        for (const sub of subJobsOf(body)) {
          if (typeof sub.job_id === "string") this.put(fixture.service, sub.job_id, () => jsonAnswer(200, sub as JobBody));
          walk(sub);
        }
      };
      walk(fixture.body);
    }
  }

  private put(service: ServiceName, jobId: string, answer: () => Answer): void {
    const key = `${service} ${jobId}`;
    if (this.byKey.has(key)) return;
    this.byKey.set(key, { service, answer });
    this.servicesById.set(jobId, [...(this.servicesById.get(jobId) ?? []), service]);
  }

  /** The services that have a fixture or sub-job with this id, in fixture order. */
  servicesOf(jobId: string): readonly ServiceName[] {
    return this.servicesById.get(jobId) ?? [];
  }

  /** The recorded answer for `jobId` on `service`. */
  find(service: ServiceName, jobId: string): Answer | undefined {
    return this.byKey.get(`${service} ${jobId}`)?.answer();
  }
}

/**
 * Finds what to answer for a job id: a simulated job (or one of its
 * sub-jobs) first, then a fixture. With a service (from the Host header or
 * the server's `service` option) only that service's jobs count, as on the
 * real endpoints; without one, any service's job does.
 */
export class JobLookup {
  constructor(
    private readonly fixtures: FixtureIndex,
    private readonly simulations: Simulations,
  ) {}

  /** The service a job id belongs to, if any job has it. */
  serviceOf(jobId: string): ServiceName | undefined {
    return this.simulations.serviceOf(jobId) ?? this.fixtures.servicesOf(jobId)[0];
  }

  find(service: ServiceName | undefined, jobId: string, projectId: string, now: number): Answer | undefined {
    const simulated = this.simulations.find(jobId, projectId, now);
    if (simulated && (service === undefined || simulated.service === service)) return jsonAnswer(200, simulated.body);
    for (const candidate of service ? [service] : this.fixtures.servicesOf(jobId)) {
      const answer = this.fixtures.find(candidate, jobId);
      if (answer) return answer;
    }
    return undefined;
  }
}
