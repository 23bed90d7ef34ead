import { typeLabel } from "./schema-type.js";
import { isNode, nodes, SpecShapeError, strings, text, type Node, type SpecIndex } from "./spec-index.js";
import { statusesOf, type StatusInfo } from "./status-model.js";

/** One field of a job's `entities` (or a VBS top-level `sub_jobs`), as the guide tables list it. */
export interface FieldInfo {
  readonly name: string;
  readonly type: string;
  readonly description: string;
  /** True for VBS's `sub_jobs`, which sits beside `entities`, not in it. */
  readonly topLevel?: boolean;
}

/** A job's `entities` object. */
export interface EntitiesInfo {
  /** Component name of the entities schema (links to the reference), if it has one. */
  readonly schemaName: string | undefined;
  /** `object` or, for free-form VBS entities, `map<string, string>`. */
  readonly type: string;
  readonly fields: readonly FieldInfo[];
}

/** One documented job type: a member of `<Svc>KnownJob`. */
export interface JobTypeInfo {
  readonly schemaName: string;
  readonly jobType: string;
  readonly description: string;
  readonly levels: readonly string[];
  readonly clouds: readonly string[];
  readonly confidence: string;
  readonly sources: readonly string[];
  readonly entities: EntitiesInfo;
  readonly example: unknown;
}

/** One service's union (`EcsJob`, …) and everything the guide says about it. */
export interface ServiceInfo {
  /** `ecs`, `bms`, `evs`, `vbs` — the CLI's and the client's `service`. */
  readonly key: string;
  /** `ECS`. */
  readonly label: string;
  /** `Elastic Cloud Server`, read from the known union's description. */
  readonly fullName: string;
  readonly unionName: string;
  readonly knownName: string;
  readonly unknownName: string;
  readonly statusName: string;
  readonly description: string;
  readonly jobTypes: readonly JobTypeInfo[];
  readonly unknown: { readonly description: string; readonly candidates: readonly string[]; readonly entities: EntitiesInfo };
  readonly statuses: readonly StatusInfo[];
  /** Where sub-jobs live: `entities.sub_jobs` or top-level `sub_jobs`. */
  readonly subJobsAt: "entities.sub_jobs" | "sub_jobs" | "none";
  readonly hasSubJobsTotal: boolean;
  /** Top-level fields a job body may carry about the query's own error (`message`, `code` or `error`). */
  readonly queryErrorFields: readonly string[];
}

/** The services of the contract, in the order of `Job.anyOf`. */
export function servicesOf(spec: SpecIndex): ServiceInfo[] {
  const job = spec.schema("Job");
  const unions = nodes(job, "anyOf").map((ref) => spec.refName(ref));
  if (unions.length === 0) throw new SpecShapeError("Job is expected to be anyOf the service unions", "#/components/schemas/Job");
  return unions.map((name) => serviceOf(spec, name ?? "?"));
}

function serviceOf(spec: SpecIndex, unionName: string): ServiceInfo {
  const union = spec.schema(unionName);
  const members = nodes(union, "oneOf").map((ref) => ({ name: spec.refName(ref) ?? "?", schema: spec.deref(ref) }));
  const known = members.find((m) => isNode(m.schema.discriminator));
  const unknown = members.find((m) => m.schema["x-cloud-jobs-unknown-job-type"] === true);
  const pointer = `#/components/schemas/${unionName}`;
  if (!known || !unknown) throw new SpecShapeError("expected oneOf [<Svc>KnownJob with a discriminator, <Svc>UnknownJob]", pointer);

  const jobTypes = nodes(known.schema, "oneOf").map((ref) => jobTypeOf(spec, spec.refName(ref) ?? "?", spec.deref(ref)));
  const mapping = isNode(known.schema.discriminator) && isNode(known.schema.discriminator.mapping) ? known.schema.discriminator.mapping : {};
  for (const jt of jobTypes) {
    if (typeof mapping[jt.jobType] !== "string") throw new SpecShapeError(`discriminator mapping lacks ${jt.jobType}`, pointer);
  }
  const statusName = spec.refName(firstProperty(spec, known.schema, "status")) ?? "?";
  const label = unionName.replace(/Job$/, "").toUpperCase();
  const fullName = /\(([^)]+)\)/.exec(text(known.schema, "description") ?? "")?.[1] ?? label;
  const allProps = jobTypes.map((jt) => spec.deref(spec.schema(jt.schemaName)).properties).filter(isNode);
  const allEntities = jobTypes.flatMap((jt) => jt.entities.fields.map((f) => f.name));

  return {
    key: label.toLowerCase(),
    label,
    fullName,
    unionName,
    knownName: known.name,
    unknownName: unknown.name,
    statusName,
    description: text(union, "description") ?? "",
    jobTypes,
    unknown: {
      description: text(unknown.schema, "description") ?? "",
      candidates: strings(unknown.schema, "x-cloud-jobs-candidate-job-types"),
      entities: entitiesOf(spec, isNode(unknown.schema.properties) ? unknown.schema.properties.entities : undefined),
    },
    statuses: statusesOf(spec, statusName),
    subJobsAt: allProps.some((p) => "sub_jobs" in p) ? "sub_jobs" : allEntities.includes("sub_jobs") ? "entities.sub_jobs" : "none",
    hasSubJobsTotal: allEntities.includes("sub_jobs_total"),
    queryErrorFields: ["message", "code", "error"].filter((f) => allProps.some((p) => f in p)),
  };
}

function firstProperty(spec: SpecIndex, known: Node, property: string): unknown {
  const first = nodes(known, "oneOf")[0];
  const props = first ? spec.deref(first).properties : undefined;
  return isNode(props) ? props[property] : undefined;
}

function jobTypeOf(spec: SpecIndex, schemaName: string, schema: Node): JobTypeInfo {
  const props = isNode(schema.properties) ? schema.properties : {};
  const jobType = isNode(props.job_type) ? props.job_type.const : undefined;
  if (typeof jobType !== "string") throw new SpecShapeError("job_type is expected to be a const", `#/components/schemas/${schemaName}`);
  const entities = entitiesOf(spec, props.entities);
  // VBS keeps sub_jobs beside entities; the guide lists it with the entities so the tables compare.
  const topSubJobs = props.sub_jobs === undefined ? [] : [{ ...fieldOf(spec, "sub_jobs", props.sub_jobs), topLevel: true }];
  const examples = schema.examples;
  return {
    schemaName,
    jobType,
    description: text(schema, "description") ?? "",
    levels: strings(schema, "x-cloud-jobs-level"),
    clouds: strings(schema, "x-cloud-jobs-clouds"),
    confidence: text(schema, "x-cloud-jobs-confidence") ?? "",
    sources: strings(schema, "x-cloud-jobs-source"),
    entities: { ...entities, fields: [...entities.fields, ...topSubJobs] },
    example: Array.isArray(examples) ? examples[0] : undefined,
  };
}

function entitiesOf(spec: SpecIndex, ref: unknown): EntitiesInfo {
  if (ref === undefined) return { schemaName: undefined, type: "absent", fields: [] };
  const schema = spec.deref(ref);
  const props = isNode(schema.properties) ? schema.properties : {};
  return {
    schemaName: spec.refName(ref),
    type: typeLabel(spec, isNode(schema.properties) ? { type: "object" } : schema),
    fields: Object.entries(props).map(([name, prop]) => fieldOf(spec, name, prop)),
  };
}

function fieldOf(spec: SpecIndex, name: string, prop: unknown): FieldInfo {
  const target = isNode(prop) ? (prop.$ref ? spec.deref(prop) : prop) : {};
  const description = (isNode(prop) ? text(prop, "description") : undefined) ?? text(target, "description") ?? "";
  return { name, type: typeLabel(spec, prop), description };
}
