import {
  constOf, deref, examplesOf, isObject, mediaTypesOf, operationsOf, pathKey, propertyOf, reachesAny, schemaName, shapeOf, walkObjects,
} from "./document.js";

/** @typedef {import("./index.js").JsonPath} JsonPath */
/** @typedef {import("./index.js").Located} Located */
/** @typedef {import("./index.js").Union} Union */
/** @typedef {import("./index.js").ServiceCatalogue<string>} ServiceCatalogue */

/** The discriminator property every job union switches on. */
export const JOB_TYPE = "job_type";
/** The extension that marks the member accepting job types the docs do not list. */
export const UNKNOWN_MARKER = "x-cloud-jobs-unknown-job-type";

/** The document lacks a part the catalogue needs (a status enum, a FAIL example). */
export class SpecShapeError extends Error {
  /** @override */
  name = "SpecShapeError";
  code = "SPEC_SHAPE";
  /** @param {string} location where the reader looked, e.g. `components.schemas.EvsUnknownJob.properties.status` @param {string} reason */
  constructor(location, reason) {
    super(`${location}: ${reason}`);
    this.location = location;
  }
}

const models = new WeakMap();

/** The job unions and job schemas of a document, found by structure; cached per document. @type {(root: unknown) => import("./index.js").JobModel} */
export function jobModel(root) {
  if (!isObject(root)) return { knownUnions: [], serviceUnions: [], unknownMembers: [], jobSchemas: [] };
  if (models.has(root)) return models.get(root);
  /** @type {Union[]} */
  const unions = [];
  /** @type {Located[]} */
  const unknownMembers = [];
  walkObjects(root, (node, path) => {
    const keyword = Array.isArray(node.oneOf) ? "oneOf" : Array.isArray(node.anyOf) ? "anyOf" : null;
    if (keyword !== null) {
      const members = node[keyword].map((/** @type {unknown} */ entry, /** @type {number} */ index) => ({ entryPath: [...path, keyword, index], target: deref(root, entry, [...path, keyword, index]) }));
      unions.push({ node, path, keyword, members });
    }
    if (node[UNKNOWN_MARKER] === true) unknownMembers.push({ node, path });
  });
  const knownUnions = unions.filter(({ node }) => node.discriminator?.propertyName === JOB_TYPE);
  const serviceUnions = unions
    .filter((union) => !knownUnions.includes(union))
    .map((union) => ({ ...union, known: knownUnions.filter((known) => union.members.some(({ target }) => target?.node === known.node)) }))
    .filter(({ known }) => known.length > 0);
  const jobSchemas = new Map();
  for (const { target } of knownUnions.flatMap(({ members }) => members)) if (target !== null) jobSchemas.set(pathKey(target.path), target);
  for (const member of unknownMembers) jobSchemas.set(pathKey(member.path), member);
  const model = { knownUnions, serviceUnions, unknownMembers, jobSchemas: [...jobSchemas.values()] };
  models.set(root, model);
  return model;
}

/** The job types a known union documents: its mapping keys, else its members' `job_type` literals. @type {(root: unknown, union: Union) => string[]} */
export function knownJobTypes(root, union) {
  const { mapping } = union.node.discriminator ?? {};
  if (isObject(mapping)) return Object.keys(mapping);
  return union.members.flatMap(({ target }) => (target === null ? [] : [constOf(root, target, JOB_TYPE) ?? []].flat()));
}

/** The operations of a document whose 2xx JSON body can be a job, each with its responses. @param {unknown} root */
export function jobOperations(root) {
  const model = jobModel(root);
  const jobNodes = new Set([...model.knownUnions, ...model.jobSchemas].map(({ node }) => node));
  return operationsOf(root).filter(({ responses }) =>
    responses.some((response) => /^2(\d\d|XX)$/i.test(response.status) &&
      mediaTypesOf(root, response).some(({ node, path }) => reachesAny(root, { node: node.schema, path: [...path, "schema"] }, jobNodes))),
  );
}

/** A schema with an `enum`: the schema itself, or the first member of its `anyOf`/`oneOf` that has one (an extensible enum). @type {(root: unknown, schema: Located | null) => Located | null} */
export function enumSchemaOf(root, schema) {
  if (schema === null || !isObject(schema.node) || Array.isArray(schema.node.enum)) return schema;
  const keyword = Array.isArray(schema.node.anyOf) ? "anyOf" : "oneOf";
  const members = (Array.isArray(schema.node[keyword]) ? schema.node[keyword] : []).map((/** @type {unknown} */ m, /** @type {number} */ i) => deref(root, m, [...schema.path, keyword, i]));
  return members.find((/** @type {Located | null} */ m) => Array.isArray(m?.node?.enum)) ?? schema;
}

/** Which of the three error envelopes a body (or an envelope's required keys) is. @type {(body: Record<string, unknown>) => "nested" | "flat" | "gateway"} */
const envelopeOf = (body) => (isObject(body.error) ? "nested" : "error_code" in body ? "gateway" : "flat");
/** @type {(value: unknown) => string[]} */
const strings = (value) => (Array.isArray(value) ? value.filter((v) => typeof v === "string") : []);
/** @type {(value: unknown) => string} */
const text = (value) => (typeof value === "string" ? value : "");
/** @type {(path: JsonPath) => string} */
const dotted = (path) => path.join(".");

/**
 * What a job-status contract (a bundled OpenAPI 3.1 document) says, as plain data: per service (a union beside a
 * union discriminated on `job_type`) its statuses, job types, sub-jobs and example templates; the error responses of
 * its job operations; the numbered disagreements. Throws {@link SpecShapeError} when a part is missing.
 * @type {(doc: unknown) => import("./index.js").Catalogue<string>}
 */
export function readCatalogue(doc) {
  const model = jobModel(doc);
  if (model.serviceUnions.length === 0) throw new SpecShapeError("components.schemas", "no anyOf or oneOf that contains a union discriminated on job_type");
  const operations = jobOperations(doc);
  const services = Object.fromEntries(model.serviceUnions.map((union) => {
    const service = serviceOf(doc, union, operations);
    return [service.service, service];
  }));
  const errors = errorsOf(doc, operations, Object.values(services).map(({ label }) => label));
  const envelopeSchema = errors.length === 0 ? null : deref(doc, errors[0]?.schema, []);
  const envelopes = isObject(envelopeSchema?.node) ? [envelopeSchema.node.anyOf ?? envelopeSchema.node.oneOf ?? []].flat() : [];
  return {
    services,
    errors: errors.map(({ schema, ...error }) => error),
    errorEnvelopes: envelopes.map((entry, i) => {
      const located = deref(doc, entry, [...(envelopeSchema?.path ?? []), "anyOf", i]);
      const required = strings(located?.node?.required);
      return { name: schemaName(located?.path ?? []), envelope: envelopeOf(Object.fromEntries(required.map((key) => [key, {}]))), description: text(located?.node?.description), required };
    }),
    retryableStatuses: errors.filter(({ retryable }) => retryable === true).map(({ status }) => status),
    throttlingCodes: [...new Set(errors.flatMap(({ throttlingCodes }) => throttlingCodes))],
    disagreements: disagreementsOf(doc),
    securitySchemes: Object.fromEntries(Object.entries(isObject(doc) ? (doc.components?.securitySchemes ?? {}) : {})
      .map(([name, scheme]) => [name, text(deref(doc, scheme, ["components", "securitySchemes", name])?.node?.description)])),
  };
}

/** @type {(doc: unknown, union: Union & { known: Union[] }, operations: ReturnType<typeof jobOperations>) => ServiceCatalogue} */
function serviceOf(doc, union, operations) {
  const unionSchema = schemaName(union.path);
  const label = unionSchema.replace(/Job$/, "").toUpperCase();
  const unknown = union.members.find(({ target }) => target?.node?.[UNKNOWN_MARKER] === true)?.target;
  if (!unknown) throw new SpecShapeError(`${dotted(union.path)}.${union.keyword}`, `no member marked ${UNKNOWN_MARKER}`);
  const status = enumSchemaOf(doc, propertyOf(doc, unknown, "status"));
  const statuses = strings(isObject(status?.node) ? status.node.enum : undefined);
  if (status === null || statuses.length === 0) throw new SpecShapeError(`${dotted(unknown.path)}.properties.status`, "no status enum");
  const known = union.known.flatMap((k) => k.members.flatMap(({ target }) => (target === null ? [] : [target])));
  const examples = operations.flatMap((operation) => operation.responses.filter((r) => /^2/.test(r.status)))
    .flatMap((response) => mediaTypesOf(doc, response).flatMap((mediaType) => examplesOf(doc, mediaType)))
    .filter(({ key }) => key.startsWith(`${unionSchema}_`))
    .map(({ key, example, value }) => ({ name: key, summary: text(example.summary), description: text(example.description), value }));
  const scan = scanExamples([...known.flatMap(({ node }) => (isObject(node) && Array.isArray(node.examples) ? node.examples : [])), ...examples.map(({ value }) => value)]);
  if (!scan.failure) throw new SpecShapeError(`components.examples.${unionSchema}_*`, "no FAIL example with an error_code");

  const unknownEntities = propertyOf(doc, unknown, "entities");
  const topSubJobs = propertyOf(doc, unknown, "sub_jobs");
  const subJobs = topSubJobs ?? propertyOf(doc, unknownEntities, "sub_jobs");
  /** @type {(jobType: string, member: Located | null) => import("./index.js").JobTypeInfo} */
  const jobTypeOf = (jobType, member) => {
    const schema = member ?? unknown;
    const node = isObject(member?.node) ? member.node : {};
    const facts = scan.facts.get(jobType);
    const entities = propertyOf(doc, schema, "entities");
    const fields = [...shapeOf(doc, entities ?? { node: {}, path: [] }).properties].map(([name, at]) => ({
      name, type: typeLabel(doc, at.node), description: text(at.node?.description) || text(deref(doc, at.node, at.path)?.node?.description),
    }));
    const levels = strings(node["x-cloud-jobs-level"]);
    return JSON.parse(JSON.stringify({
      jobType,
      schema: member === null ? undefined : schemaName(member.path),
      description: text(node.description),
      levels: levels.length > 0 ? levels : [...(facts?.levels ?? ["top"])],
      clouds: strings(node["x-cloud-jobs-clouds"]),
      confidence: text(node["x-cloud-jobs-confidence"]),
      sources: strings(node["x-cloud-jobs-source"]),
      entities: { schema: entities && entities.path.length === 3 ? schemaName(entities.path) : undefined, type: typeLabel(doc, entities?.node), fields },
      template: facts?.entities ?? {},
      childType: facts?.childType,
      listsSubJobs: facts?.listsSubJobs ?? false,
      canHaveSubJobs: Boolean(propertyOf(doc, schema, "sub_jobs") ?? fields.some(({ name }) => name === "sub_jobs")),
      example: Array.isArray(node.examples) ? node.examples[0] : undefined,
    }));
  };
  /** @type {Record<string, Located | null>} */
  const jobTypes = Object.fromEntries(known.map((member) => [constOf(doc, member, JOB_TYPE) ?? schemaName(member.path), member]));
  for (const jobType of scan.facts.keys()) if (!(jobType in jobTypes)) jobTypes[jobType] = null;
  const described = isObject(status.node["x-enumDescriptions"]) ? status.node["x-enumDescriptions"] : {};
  const unknownNode = /** @type {Record<string, any>} */ (unknown.node);
  return {
    service: label.toLowerCase(),
    label,
    fullName: /\(([^)]+)\)/.exec(text(union.known[0]?.node.description))?.[1] ?? label,
    description: text(union.node.description),
    unionSchema,
    knownSchema: schemaName(union.known[0]?.path ?? []),
    unknownSchema: schemaName(unknown.path),
    statusSchema: schemaName(status.path),
    statuses,
    statusDescriptions: Object.fromEntries(statuses.map((value) => [value, text(described[value])])),
    statusClouds: Object.fromEntries(statuses.map((value) => [value, strings(status.node["x-cloud-jobs-value-clouds"]?.[value])])),
    terminalStatuses: statuses.filter((value) => /(^|[.;:]\s*)Terminal\b/.test(text(described[value]))),
    knownJobTypes: union.known.flatMap((k) => knownJobTypes(doc, k)),
    candidateJobTypes: strings(unknownNode["x-cloud-jobs-candidate-job-types"]),
    jobTypes: Object.fromEntries(Object.entries(jobTypes).map(([jobType, member]) => [jobType, jobTypeOf(jobType, member)])),
    unknown: { description: text(unknownNode.description), entities: jobTypeOf("", unknown).entities },
    subJobsAt: topSubJobs ? "top" : "entities",
    subJobsNullable: [subJobs?.node?.type].flat().includes("null"),
    subJobsTotal: propertyOf(doc, unknownEntities, "sub_jobs_total") !== null,
    stringEntities: unknownEntities?.node?.additionalProperties?.type === "string",
    queryErrorFields: ["message", "code", "error"].filter((field) => [...known, unknown].some((m) => shapeOf(doc, m).properties.has(field))),
    failure: scan.failure,
    examples,
  };
}

/**
 * What example job bodies (sub-jobs included) show per job type, the first example winning: a template of its own
 * entities, its child type, the levels it appears at; and the first FAIL body's error fields.
 * @param {unknown[]} bodies
 */
function scanExamples(bodies) {
  /** @type {Map<string, { entities?: Record<string, unknown>, childType?: string, listsSubJobs: boolean, levels: Set<string> }>} */
  const facts = new Map();
  /** @type {ServiceCatalogue["failure"] | undefined} */
  let failure;
  /** @type {(body: unknown, level: string) => void} */
  const add = (body, level) => {
    if (!isObject(body) || typeof body.job_type !== "string") return;
    const fact = facts.get(body.job_type) ?? { listsSubJobs: false, levels: new Set() };
    facts.set(body.job_type, fact);
    fact.levels.add(level);
    const entities = isObject(body.entities) ? body.entities : {};
    const own = Object.fromEntries(Object.entries(entities).filter(([key]) => key !== "sub_jobs" && key !== "sub_jobs_total"));
    if (fact.entities === undefined && Object.keys(own).length > 0) fact.entities = own;
    const children = [entities.sub_jobs ?? body.sub_jobs].flat().filter(isObject);
    if (("sub_jobs" in entities || "sub_jobs" in body) && children.length === 0) fact.listsSubJobs = true;
    if (fact.childType === undefined && typeof children[0]?.job_type === "string") fact.childType = children[0].job_type;
    if (body.status === "FAIL" && failure === undefined && typeof body.error_code === "string") {
      const message = children.find((child) => child.status === "FAIL")?.entities?.errorcode_message;
      failure = { errorCode: body.error_code, failReason: text(body.fail_reason) || "Task-fail", ...(typeof message === "string" ? { errorcodeMessage: message } : {}) };
    }
    for (const child of children) add(child, "sub");
  };
  for (const body of bodies) add(body, "top");
  return { facts, failure };
}

/**
 * The 4xx and 5xx responses of the job operations, each example with its envelope, code and services (the labels its
 * summary, else its description, names; all when none), and the body schema.
 * @type {(doc: unknown, operations: ReturnType<typeof jobOperations>, labels: string[]) => Array<import("./index.js").ErrorStatus<string> & { schema: unknown }>}
 */
function errorsOf(doc, operations, labels) {
  const word = new RegExp(`\\b(${labels.join("|")})\\b`, "g");
  /** @param {string[]} texts */
  const servicesIn = (...texts) => {
    const named = texts.map((t) => new Set([...t.matchAll(word)].map((m) => m[1]))).find((found) => found.size > 0);
    return labels.filter((l) => named?.has(l) ?? true).map((l) => l.toLowerCase());
  };
  const model = jobModel(doc);
  const jobNodes = new Set([...model.knownUnions, ...model.jobSchemas].map(({ node }) => node));
  /** An error response: a 4xx or 5xx, or a 2xx whose body is not a job (ECS answers flow control with 202 Common.0024). @type {(response: Located & { status: string }) => boolean} */
  const isError = (response) => /^[45]\d\d$/.test(response.status) || (/^2\d\d$/.test(response.status) &&
    !mediaTypesOf(doc, response).some(({ node, path }) => reachesAny(doc, { node: node.schema, path: [...path, "schema"] }, jobNodes)));
  return operations.flatMap(({ responses }) => responses.filter(isError)).map((response) => {
    const { node } = response;
    const json = mediaTypesOf(doc, response)[0];
    const html = mediaTypesOf(doc, response, /^text\/html/)[0]?.node.example;
    const headers = Object.entries(isObject(node.headers) ? node.headers : {}).map(([name, header]) => {
      const example = deref(doc, header, [])?.node?.example;
      return [name, example === undefined ? null : String(example)];
    });
    return {
      status: Number(response.status),
      name: typeof response.ref === "string" ? response.ref.slice(response.ref.lastIndexOf("/") + 1) : response.status,
      description: text(node.description),
      retryable: typeof node["x-cloud-jobs-retryable"] === "boolean" ? node["x-cloud-jobs-retryable"] : null,
      throttlingCodes: strings(node["x-cloud-jobs-throttling-codes"]),
      headers: Object.fromEntries(headers),
      examples: (json === undefined ? [] : examplesOf(doc, json)).map(({ key, ref, example, value }) => {
        const body = isObject(value) ? value : {};
        const source = isObject(body.error) ? body.error : body;
        return {
          name: key,
          ...(ref === undefined ? {} : { component: ref.slice(ref.lastIndexOf("/") + 1) }),
          summary: text(example.summary),
          description: text(example.description),
          envelope: envelopeOf(body),
          code: text(source.code) || text(source.error_code),
          message: text(source.message) || text(source.error_msg),
          services: servicesIn(text(example.summary), text(example.description)),
          value,
        };
      }),
      ...(typeof html === "string" ? { html } : {}),
      schema: json?.node.schema,
    };
  });
}

/** Every `x-cloud-jobs-disagreement`, grouped by number; each place that resolves one keeps its own wording. @param {unknown} doc */
function disagreementsOf(doc) {
  /** @type {Map<number, Array<{ pointer: string, topic: string, sources: string[], resolution: string }>>} */
  const byId = new Map();
  walkObjects(doc, (node, path) => {
    const value = node["x-cloud-jobs-disagreement"];
    if (value === undefined) return;
    const pointer = `#/${path.map((p) => String(p).replace(/~/g, "~0").replace(/\//g, "~1")).join("/")}`;
    if (!isObject(value) || typeof value.id !== "number" || !text(value.topic) || !text(value.resolution)) {
      throw new SpecShapeError(`${dotted(path)}.x-cloud-jobs-disagreement`, "needs id, topic, sources and resolution");
    }
    byId.set(value.id, [...(byId.get(value.id) ?? []), { pointer, topic: value.topic, sources: strings(value.sources), resolution: value.resolution }]);
  });
  return [...byId].sort(([a], [b]) => a - b).map(([id, sites]) => ({ id, sites }));
}

/**
 * A short type label for a schema, as a table shows it: `string (uuid)`, `integer ≥ 0`, `EcsJob[]`, `map<string,
 * string>`, `"createServer"`; named component schemas keep their name.
 * @type {(doc: unknown, schema: unknown) => string}
 */
export function typeLabel(doc, schema) {
  const located = deref(doc, schema, []);
  const node = located?.node;
  if (!isObject(node)) return "any";
  const types = strings([node.type].flat());
  const scalar = types.length > 0 && types.every((t) => t !== "object" && t !== "array");
  /** @param {string} type */
  const one = (type) => {
    if (type === "array") return `${typeLabel(doc, node.items)}[]`;
    if (type === "object") return isObject(node.additionalProperties) ? `map<string, ${typeLabel(doc, node.additionalProperties)}>` : "object";
    if (Array.isArray(node.enum)) return node.enum.map((v) => JSON.stringify(v)).join(" | ");
    return `${type}${typeof node.format === "string" ? ` (${node.format})` : ""}${typeof node.minimum === "number" ? ` ≥ ${node.minimum}` : ""}`;
  };
  const label = node.const !== undefined ? JSON.stringify(node.const)
    : Array.isArray(node.anyOf ?? node.oneOf) ? (node.anyOf ?? node.oneOf).map((/** @type {unknown} */ m) => typeLabel(doc, m)).join(" | ")
      : types.map(one).join(" | ") || "any";
  if (!isObject(schema) || typeof schema.$ref !== "string" || located === null || located.path.length !== 3) return label;
  return scalar ? `${label} (${schemaName(located.path)})` : schemaName(located.path);
}
