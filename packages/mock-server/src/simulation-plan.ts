import { MockError } from "./answer.js";
import { isServiceName, TERMINAL_STATUSES, type JobCatalogue, type ServiceName } from "@cloud-jobs/fixtures";

/** What `POST /mock/jobs` takes (snake_case, like the API). Only `service` is required. */
export interface SimulatedJobInput {
  readonly service: ServiceName;
  /** Default: the first documented top-level type (with sub-jobs when `sub_jobs` > 0). Undocumented types are allowed. */
  readonly job_type?: string;
  /** Number of sub-jobs; default 1 for a type with a documented sub-job type, else 0. */
  readonly sub_jobs?: number;
  /** Type of the sub-jobs; default: the documented one. */
  readonly sub_job_type?: string;
  /** From creation to SUCCESS/FAIL, in ms of the server's clock; default 5000. */
  readonly duration_ms?: number;
  /** `SUCCESS` (default) or `FAIL`; with sub-jobs, FAIL makes the last sub-job fail (a partial failure). */
  readonly outcome?: "SUCCESS" | "FAIL";
  /** Status of the first tenth of the job's life: `INIT` (default) or another waiting status of the service (`PENDING_PAYMENT`, `WAITING_EXECUTE`, …). */
  readonly initial_status?: string;
  /** Only this project can see the job (others get Common.0011, as for a wrong tenant). */
  readonly project_id?: string;
  /** Leave out `error_code`/`fail_reason` while unfinished, as a real ECS server does. */
  readonly omit_error_keys?: boolean;
}

/** A checked `SimulatedJobInput` with every default applied. */
export type SimulationPlan = ReturnType<typeof simulationPlan>;

/** A `POST /mock/jobs` body the mock cannot simulate; answered 400 `MOCK.0002` with the reason. */
export class SimulationInputError extends MockError {
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super("MOCK.0002", `${field}: ${reason}`);
  }
}

const FIELDS = ["service", "job_type", "sub_jobs", "sub_job_type", "duration_ms", "outcome", "initial_status", "project_id", "omit_error_keys"];
const JOB_TYPE = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const int = (value: unknown, field: string, max: number, fallback: number): number => {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > max) throw new SimulationInputError(field, `must be an integer 0–${max}`);
  return value as number;
};

/** Checks a `POST /mock/jobs` body against the catalogue and applies the defaults. */
export function simulationPlan(catalogue: JobCatalogue, body: unknown) {
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
  const initialStatus = input.initial_status ?? "INIT";
  if (typeof initialStatus !== "string" || !c.statuses.includes(initialStatus) || TERMINAL_STATUSES.has(initialStatus) || initialStatus === "RUNNING") {
    throw new SimulationInputError("initial_status", `must be a waiting status of ${input.service}: ${c.statuses.filter((s) => !TERMINAL_STATUSES.has(s) && s !== "RUNNING").join(", ")}`);
  }
  if (input.project_id !== undefined && (typeof input.project_id !== "string" || !/^[0-9a-f]{32}$/.test(input.project_id))) throw new SimulationInputError("project_id", "must be 32 lower-case hex characters");
  if (input.omit_error_keys !== undefined && typeof input.omit_error_keys !== "boolean") throw new SimulationInputError("omit_error_keys", "must be true or false");
  return {
    service: input.service,
    jobType,
    subJobs,
    subJobType: subJobs > 0 ? (subJobType as string) : undefined,
    durationMs: int(input.duration_ms, "duration_ms", 86_400_000, 5000),
    outcome: outcome as "SUCCESS" | "FAIL",
    initialStatus,
    projectId: input.project_id as string | undefined,
    omitErrorKeys: input.omit_error_keys === true,
  };
}
