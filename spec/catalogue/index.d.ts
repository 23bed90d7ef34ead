// Types of @cloud-jobs/spec/catalogue (the code is in index.js and read-catalogue.js).
import type { ServiceName } from "../dist/service-names.js";

export type { ServiceName };

/** A JSON path: the keys and indexes from the document root to a node. */
export type JsonPath = Array<string | number>;
/** A node of a document together with where it is defined. */
export interface Located { node: any; path: JsonPath }
/** The object shape a schema declares once `allOf` and `$ref` are merged in: each property where it is written. */
export interface Shape { properties: Map<string, Located>; required: Set<string> }
/** One `anyOf`/`oneOf` entry: where it is written, and what it resolves to (null when the reference is broken). */
export interface Member { entryPath: JsonPath; target: Located | null }
/** An `anyOf` or `oneOf`: a union of documented job types (discriminated on `job_type`) or a per-service union wrapping one. */
export interface Union { node: Record<string, any>; path: JsonPath; keyword: "anyOf" | "oneOf"; members: Member[] }
/** The jobs of a document, found by structure (for the Spectral rules). */
export interface JobModel {
  /** Unions discriminated on `job_type`. */
  knownUnions: Union[];
  /** Unions that contain a known union, with those. */
  serviceUnions: Array<Union & { known: Union[] }>;
  /** Schemas marked `x-cloud-jobs-unknown-job-type: true`. */
  unknownMembers: Located[];
  /** Members of known unions plus unknown members, each once. */
  jobSchemas: Located[];
}

/** Where a job type occurs: as a job (`top`), inside another job (`sub`). */
export type JobLevel = "top" | "sub";

/** One field of an `entities` schema. */
export interface FieldInfo {
  readonly name: string;
  /** A short label: `string (uuid)`, `integer ≥ 0`, `EcsJob[]`. */
  readonly type: string;
  readonly description: string;
}

/** A job's `entities` object. */
export interface EntitiesInfo {
  /** Component name of the entities schema, when it has one. */
  readonly schema?: string;
  /** `EcsJobEntities`, `map<string, string>`, … */
  readonly type: string;
  readonly fields: readonly FieldInfo[];
}

/** What the contract says about one job type of one service. */
export interface JobTypeInfo {
  readonly jobType: string;
  /** Component schema of a documented type (`EvsCreateVolumeJob`); absent for a type only an example shows. */
  readonly schema?: string;
  readonly description: string;
  readonly levels: readonly JobLevel[];
  /** `x-cloud-jobs-clouds`, `x-cloud-jobs-confidence`, `x-cloud-jobs-source`. */
  readonly clouds: readonly string[];
  readonly confidence: string;
  readonly sources: readonly string[];
  readonly entities: EntitiesInfo;
  /** Own `entities` of the first example of this type (sub-job keys removed): a template for new bodies. */
  readonly template: Readonly<Record<string, unknown>>;
  /** Type of its sub-jobs, as the examples show it (`createServer` → `createSingleServer`). */
  readonly childType?: string;
  /** True when an example sends sub-job keys with no sub-jobs (`sub_jobs_total: 0, sub_jobs: []`). */
  readonly listsSubJobs: boolean;
  /** True when its schema has a place for sub-jobs. */
  readonly canHaveSubJobs: boolean;
  /** First entry of the schema's `examples`. */
  readonly example?: unknown;
}

/** Why a job fails, from the service's first FAIL example. */
export interface FailureTemplate {
  readonly errorCode: string;
  readonly failReason: string;
  /** ECS sub-jobs explain failures in `entities.errorcode_message` (often embedded JSON). */
  readonly errorcodeMessage?: string;
}

/** A named example of a job operation's success response. */
export interface NamedExample {
  /** Its key, `<union>_<scenario>` (`EcsJob_running`). */
  readonly name: string;
  readonly summary: string;
  readonly description: string;
  readonly value: unknown;
}

/** Everything the contract says about one service's jobs. */
export interface ServiceCatalogue<S extends string = ServiceName> {
  /** `ecs`: the union's name without `Job`, lower-cased. */
  readonly service: S;
  /** `ECS`. */
  readonly label: string;
  /** `Elastic Cloud Server`, from the known union's description. */
  readonly fullName: string;
  readonly description: string;
  /** `EcsJob`: the union a body of this service validates against. */
  readonly unionSchema: string;
  /** `EcsKnownJob`: the union discriminated on `job_type`. */
  readonly knownSchema: string;
  /** `EcsUnknownJob`: the member for job types no document lists. */
  readonly unknownSchema: string;
  /** `EcsJobStatus`. */
  readonly statusSchema: string;
  /** The status enum, in order. */
  readonly statuses: readonly string[];
  /** `x-enumDescriptions` of the status enum. */
  readonly statusDescriptions: Readonly<Record<string, string>>;
  /** `x-cloud-jobs-value-clouds` of the status enum. */
  readonly statusClouds: Readonly<Record<string, readonly string[]>>;
  /** Statuses whose description says "Terminal.". */
  readonly terminalStatuses: readonly string[];
  /** Keys of the discriminator mapping, in order. */
  readonly knownJobTypes: readonly string[];
  /** `x-cloud-jobs-candidate-job-types` of the unknown member: names seen elsewhere, not confirmed. */
  readonly candidateJobTypes: readonly string[];
  /** Every job type the contract documents or shows in an example, documented ones first. */
  readonly jobTypes: Readonly<Record<string, JobTypeInfo>>;
  /** The unknown member. */
  readonly unknown: { readonly description: string; readonly entities: EntitiesInfo };
  /** `entities` (`entities.sub_jobs`: ECS, BMS, EVS) or `top` (`sub_jobs` beside `entities`: VBS). */
  readonly subJobsAt: "entities" | "top";
  /** `sub_jobs` may be `null` ("left blank"). */
  readonly subJobsNullable: boolean;
  /** `entities.sub_jobs_total` is declared. */
  readonly subJobsTotal: boolean;
  /** `entities` is a `map<string, string>`. */
  readonly stringEntities: boolean;
  /** Top-level fields a job body may carry about the query's own error (`message`, `code`, `error`). */
  readonly queryErrorFields: readonly string[];
  readonly failure: FailureTemplate;
  /** The success-response examples of this service, in document order. */
  readonly examples: readonly NamedExample[];
}

/** One documented error body. */
export interface ErrorExample<S extends string = ServiceName> {
  /** Its key in the response (`Common0011`). */
  readonly name: string;
  /** The `components.examples` entry it refers to (`ErrorResponse_Common0011`). */
  readonly component?: string;
  readonly summary: string;
  readonly description: string;
  /** `{"error":{code,message}}`, `{code,message}` or `{error_code,error_msg,request_id}`. */
  readonly envelope: "nested" | "flat" | "gateway";
  readonly code: string;
  readonly message: string;
  /** The services it belongs to: those its summary (else description) names, else all. */
  readonly services: readonly S[];
  readonly value: unknown;
}

/** One error response of the job operation. */
export interface ErrorStatus<S extends string = ServiceName> {
  readonly status: number;
  /** Component name (`BadRequest`). */
  readonly name: string;
  readonly description: string;
  /** `x-cloud-jobs-retryable`; null when the response does not say. */
  readonly retryable: boolean | null;
  /** `x-cloud-jobs-throttling-codes`. */
  readonly throttlingCodes: readonly string[];
  /** Header name → its example (null without one). */
  readonly headers: Readonly<Record<string, string | null>>;
  readonly examples: readonly ErrorExample<S>[];
  /** The page a gateway sends instead of JSON (`text/html` example). */
  readonly html?: string;
}

/** One place that resolves a numbered `x-cloud-jobs-disagreement`. */
export interface DisagreementSite {
  /** JSON pointer of the object carrying the extension. */
  readonly pointer: string;
  readonly topic: string;
  readonly sources: readonly string[];
  readonly resolution: string;
}

/** What a job-status contract says, as plain data. */
export interface Catalogue<S extends string = ServiceName> {
  readonly services: Readonly<Record<S, ServiceCatalogue<S>>>;
  readonly errors: readonly ErrorStatus<S>[];
  /** Members of the error body schema (`NestedErrorBody`, …). */
  readonly errorEnvelopes: readonly { readonly name: string; readonly envelope: ErrorExample["envelope"]; readonly description: string; readonly required: readonly string[] }[];
  /** Statuses of the responses marked `x-cloud-jobs-retryable: true`. */
  readonly retryableStatuses: readonly number[];
  /** Codes that mean "throttled" whatever the status. */
  readonly throttlingCodes: readonly string[];
  readonly disagreements: readonly { readonly id: number; readonly sites: readonly DisagreementSite[] }[];
  /** Security scheme name → its description (how to authenticate; the AK/SK one has a worked signing example). */
  readonly securitySchemes: Readonly<Record<string, string>>;
}

/** The catalogue of this package's contract, computed when it was built. */
export declare const catalogue: Catalogue;
/** Every service, in the contract's order. */
export declare const SERVICE_NAMES: readonly ServiceName[];
/** Whether a value is the name of a service of the contract. */
export declare function isServiceName(value: unknown): value is ServiceName;
/** Reads the catalogue of a bundled OpenAPI document (local `$ref`s only). */
export declare function readCatalogue(doc: unknown): Catalogue<string>;

/** The document lacks a part the catalogue needs (a status enum, a FAIL example). */
export declare class SpecShapeError extends Error {
  readonly name: "SpecShapeError";
  readonly code: "SPEC_SHAPE";
  /** Where the reader looked, e.g. `components.schemas.EvsUnknownJob.properties.status`. */
  readonly location: string;
  constructor(location: string, reason: string);
}
