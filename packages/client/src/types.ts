import type { components } from "./generated/schema.js";
import type { ServiceName } from "./service.js";

type Schemas = components["schemas"];

/** An ECS job: `EcsKnownJob | EcsUnknownJob`. */
export type EcsJob = Schemas["EcsJob"];
/** An ECS job of a documented type; narrows on `job_type`. */
export type EcsKnownJob = Schemas["EcsKnownJob"];
/** An ECS job of a type no document lists (`job_type: string`, loose `entities`). */
export type EcsUnknownJob = Schemas["EcsUnknownJob"];
/** A BMS job: `BmsKnownJob | BmsUnknownJob`. */
export type BmsJob = Schemas["BmsJob"];
/** A BMS job of a documented type; narrows on `job_type`. */
export type BmsKnownJob = Schemas["BmsKnownJob"];
/** A BMS job of a type no document lists. */
export type BmsUnknownJob = Schemas["BmsUnknownJob"];
/** An EVS job: `EvsKnownJob | EvsUnknownJob`. */
export type EvsJob = Schemas["EvsJob"];
/** An EVS job of a documented type; narrows on `job_type`. */
export type EvsKnownJob = Schemas["EvsKnownJob"];
/** An EVS job of a type no document lists. */
export type EvsUnknownJob = Schemas["EvsUnknownJob"];
/** A VBS job: `VbsKnownJob | VbsUnknownJob`. */
export type VbsJob = Schemas["VbsJob"];
/** A VBS job of a documented type; narrows on `job_type`. */
export type VbsKnownJob = Schemas["VbsKnownJob"];
/** A VBS job of a type no document lists. */
export type VbsUnknownJob = Schemas["VbsUnknownJob"];

/** A job of any service (the 200 response of `showJob`). */
export type Job = Schemas["Job"];
/** A job of a documented type, of any service. */
export type KnownJob = EcsKnownJob | BmsKnownJob | EvsKnownJob | VbsKnownJob;
/** A job of an undocumented type, of any service. */
export type UnknownJob = EcsUnknownJob | BmsUnknownJob | EvsUnknownJob | VbsUnknownJob;

/** The job type of each service. */
export interface JobsByService {
  ecs: EcsJob;
  bms: BmsJob;
  evs: EvsJob;
  vbs: VbsJob;
}

/** The job of service `S`, e.g. `JobOf<"evs">` is `EvsJob`. */
export type JobOf<S extends ServiceName> = JobsByService[S];

/** The documented job types of service `S`, e.g. `"createVolume" | "batchCreateVolume" | …` for `"evs"`. */
export type KnownJobTypeOf<S extends ServiceName> = Extract<JobOf<S>, KnownJob>["job_type"];

/** The job schema of one documented type, e.g. `JobOfType<"evs", "createVolume">` is `EvsCreateVolumeJob`. */
export type JobOfType<S extends ServiceName, T extends KnownJobTypeOf<S>> = Extract<JobOf<S>, { job_type: T }>;

/** The documented part of a job union: `KnownPart<EvsJob>` is `EvsKnownJob`. */
export type KnownPart<J> = Extract<J, KnownJob>;

/** The undocumented part of a job union: `UnknownPart<EvsJob>` is `EvsUnknownJob`. */
export type UnknownPart<J> = Exclude<J, KnownJob>;

/** Status of a job of any service (`SUCCESS`, `FAIL`, `RUNNING`, `PENDING_PAYMENT`, …). */
export type JobStatus = Job["status"];

/** Any error body the API documents (nested, flat or gateway envelope). */
export type ErrorResponse = Schemas["ErrorResponse"];

export type { components, operations, paths } from "./generated/schema.js";
