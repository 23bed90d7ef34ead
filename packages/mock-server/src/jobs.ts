import { isServiceName, jobAt, jobIdAt, jobTypeInfo, renderJob, TERMINAL_STATUSES, type Fixture, type JobCatalogue, type JobNode, type ServiceName } from "@cloud-jobs/fixtures";
import { fixtureAnswer, jsonAnswer, MockError, type Answer } from "./answer.js";

/**
 * What `POST /mock/jobs` and `mock.createJob()` take (snake_case, like the API); only `service` is required. Defaults:
 * the first documented top-level `job_type` (one with sub-jobs when `sub_jobs` > 0; undocumented types are allowed),
 * 1 sub-job of the documented `sub_job_type` if the type has one, `duration_ms` 5000 (from creation to the end, by
 * the server's clock), `outcome` SUCCESS (FAIL with sub-jobs: the last one fails), `initial_status` INIT (for the
 * first tenth of the job's life; or another waiting status of the service). With `project_id` other projects get
 * Common.0011; `omit_error_keys` leaves out `error_code`/`fail_reason` while unfinished, as a real ECS server does.
 */
export interface SimulatedJobInput {
  readonly service: ServiceName;
  readonly job_type?: string;
  readonly sub_jobs?: number;
  readonly sub_job_type?: string;
  readonly duration_ms?: number;
  readonly outcome?: "SUCCESS" | "FAIL";
  readonly initial_status?: string;
  readonly project_id?: string;
  readonly omit_error_keys?: boolean;
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

/** A `POST /mock/jobs` body the mock cannot simulate; answered 400 `MOCK.0002` with the reason. */
export class SimulationInputError extends MockError {
  constructor(readonly field: string, reason: string) {
    super("MOCK.0002", `${field}: ${reason}`);
  }
}

const FIELDS = ["service", "job_type", "sub_jobs", "sub_job_type", "duration_ms", "outcome", "initial_status", "project_id", "omit_error_keys"];
const JOB_TYPE = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
/** A project id as the services take it. */
export const PROJECT_ID = /^[0-9a-f]{32}$/;
const int = (value: unknown, field: string, max: number, fallback: number): number => {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > max) throw new SimulationInputError(field, `must be an integer 0–${max}`);
  return value as number;
};

/** Checks a `POST /mock/jobs` body against the catalogue and applies the defaults. */
function simulationPlan(catalogue: JobCatalogue, body: unknown) {
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new SimulationInputError("body", 'must be a JSON object such as {"service":"evs"}');
  const input = body as Record<string, unknown>;
  const unknown = Object.keys(input).find((key) => !FIELDS.includes(key));
  if (unknown !== undefined) throw new SimulationInputError(unknown, `unknown field (fields: ${FIELDS.join(", ")})`);
  if (!isServiceName(input.service)) throw new SimulationInputError("service", "must be ecs, bms, evs or vbs");
  const c = catalogue[input.service];
  const top = c.knownJobTypes.filter((t) => c.jobTypes[t]?.levels.includes("top"));
  const wantsSubs = typeof input.sub_jobs === "number" && input.sub_jobs > 0;
  const jobType = input.job_type ?? (wantsSubs ? (top.find((t) => c.jobTypes[t]?.childType) ?? top[0]) : top[0]);
  if (typeof jobType !== "string" || !JOB_TYPE.test(jobType)) throw new SimulationInputError("job_type", "must be a job type name such as createVolume");
  const info = c.jobTypes[jobType];
  const subJobs = int(input.sub_jobs, "sub_jobs", 100, info?.childType ? 1 : 0);
  const subJobType = input.sub_job_type ?? info?.childType;
  if (subJobType !== undefined && (typeof subJobType !== "string" || !JOB_TYPE.test(subJobType))) throw new SimulationInputError("sub_job_type", "must be a job type name");
  if (subJobs > 0 && info && !info.canHaveSubJobs) throw new SimulationInputError("sub_jobs", `${jobType} jobs have no sub-jobs in the ${input.service.toUpperCase()} contract`);
  if (subJobs > 0 && subJobType === undefined) throw new SimulationInputError("sub_job_type", `no documented sub-job type for ${jobType}; pass one`);
  const outcome = input.outcome ?? "SUCCESS";
  if (outcome !== "SUCCESS" && outcome !== "FAIL") throw new SimulationInputError("outcome", "must be SUCCESS or FAIL");
  const waiting = c.statuses.filter((s) => !TERMINAL_STATUSES.has(s) && s !== "RUNNING");
  const initialStatus = input.initial_status ?? "INIT";
  if (typeof initialStatus !== "string" || !waiting.includes(initialStatus)) throw new SimulationInputError("initial_status", `must be a waiting status of ${input.service}: ${waiting.join(", ")}`);
  if (input.project_id !== undefined && (typeof input.project_id !== "string" || !PROJECT_ID.test(input.project_id))) throw new SimulationInputError("project_id", "must be 32 lower-case hex characters");
  if (input.omit_error_keys !== undefined && typeof input.omit_error_keys !== "boolean") throw new SimulationInputError("omit_error_keys", "must be true or false");
  const durationMs = int(input.duration_ms, "duration_ms", 86_400_000, 5000);
  const projectId = input.project_id as string | undefined;
  return { service: input.service, jobType, subJobs, subJobType: subJobs > 0 ? (subJobType as string) : undefined, durationMs, outcome: outcome as "SUCCESS" | "FAIL", initialStatus, projectId, omitErrorKeys: input.omit_error_keys === true };
}

/** A simulated job: it waits (INIT or `initial_status`) for the first tenth of its life, from `startsAt` runs, and at `finishesAt` reaches its outcome. */
interface SimulatedJob {
  readonly plan: ReturnType<typeof simulationPlan>;
  readonly info: SimulatedJobInfo;
  readonly createdAt: number;
  readonly startsAt: number;
  readonly finishesAt: number;
}

type Body = Record<string, unknown>;

/**
 * The jobs one server knows: its fixtures, and its simulated jobs moving by the server's clock. A sub-job answers
 * by its own id (the references' BMS example queries one), so the fixtures' sub-jobs are indexed too; a fixture of
 * its own wins over a sub-job with the same id.
 */
export class Jobs {
  /** Recorded answers by job id, then by service in fixture order. */
  private readonly recorded = new Map<string, Map<ServiceName, Answer>>();
  private readonly simulated = new Map<string, SimulatedJob>();
  private readonly subs = new Map<string, { job: SimulatedJob; index: number }>();
  private counter = 1;

  constructor(private readonly catalogue: JobCatalogue, fixtures: readonly Fixture[]) {
    const record = (service: ServiceName, jobId: string, answer: Answer): void => {
      const byService = this.recorded.get(jobId) ?? new Map<ServiceName, Answer>();
      if (!byService.has(service)) this.recorded.set(jobId, byService.set(service, answer));
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

  /**
   * Creates a simulated job at `now` from a `POST /mock/jobs` body (throws `SimulationInputError`); ids embed their
   * begin time as real ones do (each sub-job's the moment it starts).
   */
  create(input: unknown, now: number): SimulatedJobInfo {
    const plan = simulationPlan(this.catalogue, input);
    const idAt = (time: number): string => {
      let id: string;
      do id = jobIdAt(plan.service, time, this.counter++);
      while (this.serviceOf(id) !== undefined);
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
    // The oldest are forgotten beyond 10 000, so that a flood of creations cannot exhaust memory.
    for (const [id, old] of this.simulated) {
      if (this.simulated.size <= 10_000) break;
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
    return (this.simulated.get(jobId) ?? this.subs.get(jobId)?.job)?.plan.service ?? this.recorded.get(jobId)?.keys().next().value;
  }

  /**
   * What to answer for `jobId` at `now`: a simulated job (or one of its started sub-jobs, hidden from other
   * projects than its own) first, then a fixture. With a service (from the Host header or the `service` option)
   * only that service's jobs count, as on the real endpoints; without one, any service's.
   */
  find(service: ServiceName | undefined, jobId: string, projectId: string, now: number): Answer | undefined {
    const sub = this.subs.get(jobId);
    const job = this.simulated.get(jobId) ?? sub?.job;
    if (job && (service ?? job.plan.service) === job.plan.service && (job.plan.projectId ?? projectId) === projectId) {
      const node = sub ? this.subJobAt(sub.job, sub.index, now) : this.jobAt(job, now);
      if (node) return jsonAnswer(200, renderJob(this.catalogue[job.plan.service], node));
    }
    const recorded = this.recorded.get(jobId);
    return service ? recorded?.get(service) : recorded?.values().next().value;
  }

  /** The job at `now`: waiting, then RUNNING with its sub-jobs, then its outcome. */
  private jobAt(job: SimulatedJob, now: number): JobNode {
    const { plan } = job;
    const status = now < job.startsAt ? plan.initialStatus : now < job.finishesAt ? "RUNNING" : plan.outcome;
    const children = job.info.sub_job_ids.flatMap((_, i) => this.subJobAt(job, i, now) ?? []);
    const subJobs = children.length > 0 ? children : jobTypeInfo(this.catalogue[plan.service], plan.jobType).listsSubJobs ? [] : undefined;
    const omitErrorKeys = plan.omitErrorKeys && !TERMINAL_STATUSES.has(status);
    return jobAt(this.catalogue[plan.service], { jobType: plan.jobType, jobId: job.info.job_id, status, beginMs: job.createdAt, endMs: job.finishesAt, subJobs, omitErrorKeys });
  }

  /**
   * Sub-job `index` of `job` at `now`, or `undefined` before it exists. Sub-jobs start when the parent leaves its
   * waiting phase and finish one by one, evenly spread before the parent's end; with outcome FAIL the last one fails.
   */
  private subJobAt({ plan, startsAt, finishesAt, info }: SimulatedJob, index: number, now: number): JobNode | undefined {
    if (now < startsAt || !plan.subJobType) return undefined;
    const end = startsAt + Math.round(((finishesAt - startsAt) * (index + 1)) / (plan.subJobs + 1));
    const status = now < end ? "RUNNING" : plan.outcome === "FAIL" && index === plan.subJobs - 1 ? "FAIL" : "SUCCESS";
    const omitErrorKeys = plan.omitErrorKeys && !TERMINAL_STATUSES.has(status);
    return jobAt(this.catalogue[plan.service], { jobType: plan.subJobType, jobId: info.sub_job_ids[index]!, status, beginMs: startsAt + index, endMs: end, index, omitErrorKeys });
  }
}
