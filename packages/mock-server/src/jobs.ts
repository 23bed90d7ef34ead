import { jobAt, jobIdAt, jobTypeInfo, renderJob, TERMINAL_STATUSES, type Fixture, type JobCatalogue, type JobNode, type ServiceName } from "@cloud-jobs/fixtures";
import { fixtureAnswer, jsonAnswer, type Answer } from "./answer.js";
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

/**
 * A simulated job: it waits (INIT or `initial_status`) for the first tenth of
 * its life, from `startsAt` runs, and at `finishesAt` reaches its outcome.
 */
interface SimulatedJob {
  readonly plan: SimulationPlan;
  readonly info: SimulatedJobInfo;
  readonly createdAt: number;
  readonly startsAt: number;
  readonly finishesAt: number;
}

type Body = Record<string, unknown>;

/** Oldest simulated jobs are forgotten beyond this many, so a flood of creations cannot exhaust memory. */
const MAX_JOBS = 10_000;

/**
 * Sub-job `index` of `job` at `now`, or `undefined` before it exists. Sub-jobs
 * start when the parent leaves its waiting phase and finish one by one, evenly
 * spread before the parent's end; with outcome FAIL the last one fails.
 */
function subJobAt(catalogue: JobCatalogue, job: SimulatedJob, index: number, now: number): JobNode | undefined {
  const { plan, startsAt: start, info } = job;
  if (now < start || !plan.subJobType) return undefined;
  const count = plan.subJobs;
  const end = start + Math.round(((job.finishesAt - start) * (index + 1)) / (count + 1));
  const status = now < end ? "RUNNING" : plan.outcome === "FAIL" && index === count - 1 ? "FAIL" : "SUCCESS";
  const omitErrorKeys = plan.omitErrorKeys && !TERMINAL_STATUSES.has(status);
  return jobAt(catalogue[plan.service], { jobType: plan.subJobType, jobId: info.sub_job_ids[index]!, status, beginMs: start + index, endMs: end, index, omitErrorKeys });
}

/** The job at `now`: waiting, then RUNNING with its sub-jobs, then its outcome. */
function simulatedJobAt(catalogue: JobCatalogue, job: SimulatedJob, now: number): JobNode {
  const { plan } = job;
  const status = now < job.startsAt ? plan.initialStatus : now < job.finishesAt ? "RUNNING" : plan.outcome;
  const children = job.info.sub_job_ids.flatMap((_, i) => subJobAt(catalogue, job, i, now) ?? []);
  const subJobs = children.length > 0 ? children : jobTypeInfo(catalogue[plan.service], plan.jobType).listsSubJobs ? [] : undefined;
  const omitErrorKeys = plan.omitErrorKeys && !TERMINAL_STATUSES.has(status);
  return jobAt(catalogue[plan.service], { jobType: plan.jobType, jobId: job.info.job_id, status, beginMs: job.createdAt, endMs: job.finishesAt, subJobs, omitErrorKeys });
}

/**
 * The jobs one server knows: its fixtures, and its simulated jobs moving by
 * the server's clock. A sub-job answers by its own id (the references' BMS
 * example queries one), so the fixtures' sub-jobs are indexed too; a fixture
 * of its own wins over a sub-job with the same id.
 */
export class Jobs {
  /** Recorded answers by `${service} ${job id}`, and the services that have each id, in fixture order. */
  private readonly recorded = new Map<string, Answer>();
  private readonly servicesById = new Map<string, ServiceName[]>();
  private readonly simulated = new Map<string, SimulatedJob>();
  private readonly subs = new Map<string, { job: SimulatedJob; index: number }>();
  private counter = 1;

  constructor(
    private readonly catalogue: JobCatalogue,
    fixtures: readonly Fixture[],
  ) {
    const record = (service: ServiceName, jobId: string, answer: Answer): void => {
      if (this.recorded.has(`${service} ${jobId}`)) return;
      this.recorded.set(`${service} ${jobId}`, answer);
      this.servicesById.set(jobId, [...(this.servicesById.get(jobId) ?? []), service]);
    };
    for (const fixture of fixtures) record(fixture.service, fixture.jobId, fixtureAnswer(fixture));
    const walk = (service: ServiceName, body: Body): void => {
      const entities = (body.entities ?? {}) as Body;
      const list = Array.isArray(entities.sub_jobs) ? entities.sub_jobs : Array.isArray(body.sub_jobs) ? body.sub_jobs : [];
      for (const sub of list.filter((s): s is Body => typeof s === "object" && s !== null)) {
        if (typeof sub.job_id === "string") record(service, sub.job_id, jsonAnswer(200, sub));
        walk(service, sub);
      }
    };
    for (const fixture of fixtures) if (fixture.kind === "job") walk(fixture.service, fixture.body);
  }

  /** Creates a simulated job at `now`; ids embed their begin time as real ones do (each sub-job's the moment it starts). */
  create(plan: SimulationPlan, now: number): SimulatedJobInfo {
    const idAt = (time: number): string => {
      let id: string;
      do id = jobIdAt(plan.service, time, this.counter++);
      while (this.simulated.has(id) || this.subs.has(id) || this.recorded.has(`${plan.service} ${id}`));
      return id;
    };
    const startsAt = now + Math.round(plan.durationMs / 10);
    const finishesAt = now + plan.durationMs;
    const info: SimulatedJobInfo = {
      job_id: idAt(now),
      service: plan.service,
      job_type: plan.jobType,
      sub_job_ids: Array.from({ length: plan.subJobs }, (_, i) => idAt(startsAt + i)),
      created_at: new Date(now).toISOString(),
      finishes_at: new Date(finishesAt).toISOString(),
      outcome: plan.outcome,
      ...(plan.projectId ? { project_id: plan.projectId } : {}),
    };
    const job = { plan, info, createdAt: now, startsAt, finishesAt };
    this.simulated.set(info.job_id, job);
    info.sub_job_ids.forEach((id, index) => this.subs.set(id, { job, index }));
    for (const [id, old] of this.simulated) {
      if (this.simulated.size <= MAX_JOBS) break;
      this.simulated.delete(id);
      for (const sub of old.info.sub_job_ids) this.subs.delete(sub);
    }
    return info;
  }

  list(): SimulatedJobInfo[] {
    return [...this.simulated.values()].map((job) => job.info);
  }

  clear(): void {
    this.simulated.clear();
    this.subs.clear();
  }

  /** The service a job id belongs to, if any job has it. */
  serviceOf(jobId: string): ServiceName | undefined {
    return (this.simulated.get(jobId) ?? this.subs.get(jobId)?.job)?.plan.service ?? this.servicesById.get(jobId)?.[0];
  }

  /**
   * What to answer for `jobId` at `now`: a simulated job (or one of its started
   * sub-jobs, hidden from other projects than its own) first, then a fixture.
   * With a service (from the Host header or the `service` option) only that
   * service's jobs count, as on the real endpoints; without one, any service's.
   */
  find(service: ServiceName | undefined, jobId: string, projectId: string, now: number): Answer | undefined {
    const sub = this.subs.get(jobId);
    const job = this.simulated.get(jobId) ?? sub?.job;
    const visible = job && (service === undefined || job.plan.service === service) && (job.plan.projectId ?? projectId) === projectId;
    const node = visible ? (sub ? subJobAt(this.catalogue, sub.job, sub.index, now) : simulatedJobAt(this.catalogue, job, now)) : undefined;
    if (node) return jsonAnswer(200, renderJob(this.catalogue[job!.plan.service], node));
    for (const candidate of service ? [service] : (this.servicesById.get(jobId) ?? [])) {
      const answer = this.recorded.get(`${candidate} ${jobId}`);
      if (answer) return answer;
    }
    return undefined;
  }
}
