import type { Catalogue } from "@cloud-jobs/spec/catalogue";
import { code } from "./md.js";

/**
 * The guide's pages after the home page (index.html), in navigation order: the file under dist/
 * (from `guide/<name>.md`), the title in the sidebar and on the home page, and a line for the
 * home page. The Redoc reference is reference.html.
 */
export const PAGES: readonly { readonly file: string; readonly title: string; readonly blurb: string }[] = [
  { file: "quick-starts.html", title: "Quick starts", blurb: "The client, the CLI, the fixtures and the mock server in five minutes each." },
  { file: "one-endpoint-four-services.html", title: "One endpoint, four services", blurb: "What differs between ECS, BMS, EVS and VBS, and the twenty places where the sources disagree." },
  { file: "job-types.html", title: "Job types and entities", blurb: "Every documented job type of every service, with the entities it carries and its statuses." },
  { file: "errors.html", title: "Errors and retries", blurb: "The three error envelopes, every documented code by status, and which are worth retrying." },
  { file: "polling.html", title: "Polling well", blurb: "How often to ask, when to stop, and what rate limits look like." },
  { file: "signing.html", title: "Signing with AK/SK", blurb: "SDK-HMAC-SHA256 step by step, with a worked example recomputed at build time." },
];

/** Redoc's tag that holds the one operation. */
export const OPERATION_TAG = "Jobs";
/** Tag of the error-body schemas. */
export const ERRORS_TAG = "Error bodies";
/** Tag for every other schema (Redoc's `schemaDefinitionsTagName`). */
export const COMMON_TAG = "Common schemas";

/** The tag under which the reference lists a service's schemas (`ECS jobs`). */
export const serviceTag = (label: string): string => `${label} jobs`;

/** Redoc's route (the reference page's URL fragment, without `#`) of the `showJob` operation. */
export const OPERATION_ROUTE = `tag/${OPERATION_TAG}/operation/showJob`;
/** Redoc's route of a component schema, whichever tag lists it. */
export const schemaRoute = (name: string): string => `schema/${name}`;
/** Redoc's route of a tag: spaces become `-`. */
export const tagRoute = (tag: string): string => `tag/${tag.replace(/ /g, "-")}`;

/** Link to the `showJob` operation in the reference. */
export const OPERATION_HREF = `reference.html#${OPERATION_ROUTE}`;

/** Which reference section (Redoc tag) lists each component schema, by schema name. */
export type SchemaTags = ReadonlyMap<string, string>;

/**
 * The tag of each component schema, in the order the reference shows them: per
 * service its union, the known union, each job type, the unknown member, the
 * status and entities schemas and any other schema named after the service;
 * then the error bodies. Schemas not listed are under `COMMON_TAG`.
 */
export function schemaTags(catalogue: Catalogue<string>, schemaNames: readonly string[]): SchemaTags {
  const tags = new Map<string, string>();
  const put = (name: string | undefined, tag: string) => {
    if (name !== undefined && !tags.has(name)) tags.set(name, tag);
  };
  for (const svc of Object.values(catalogue.services)) {
    const tag = serviceTag(svc.label);
    const jobTypes = svc.knownJobTypes.map((t) => svc.jobTypes[t]);
    for (const name of [svc.unionSchema, svc.knownSchema, ...jobTypes.map((jt) => jt?.schema), svc.unknownSchema, svc.statusSchema]) put(name, tag);
    for (const name of [...jobTypes.map((jt) => jt?.entities.schema), svc.unknown.entities.schema]) put(name, tag);
    // Sub-job entities are only reachable through a job type's entities; pick them up by name.
    for (const name of schemaNames) if (name.startsWith(svc.unionSchema.replace(/Job$/, ""))) put(name, tag);
  }
  for (const name of ["ErrorResponse", ...catalogue.errorEnvelopes.map((e) => e.name), "ApiError"]) put(name, ERRORS_TAG);
  return tags;
}

/** A markdown link to a schema's section of the reference, labelled with its name in code. */
export const schemaAnchor = (name: string): string => `[${code(name)}](reference.html#${schemaRoute(name)})`;

/** A markdown link to where a JSON pointer of the contract is shown: a schema's reference section, the operation, or a guide page. */
export function pointerLink(pointer: string): string {
  const [root, kind, ...rest] = pointer.slice(2).split("/");
  const name = rest.at(-1) ?? kind ?? "";
  if (root === "components" && kind === "schemas") return schemaAnchor(name);
  if (root === "components" && kind === "responses") return `[${code(name)} response](${OPERATION_HREF})`;
  if (root === "components" && kind === "examples") return `[example ${code(name)}](${OPERATION_HREF})`;
  if (root === "components" && kind === "securitySchemes") return `[${code(name)} security scheme](signing.html)`;
  if (root === "servers") return `[${code("servers")}](reference.html)`;
  if (root === "paths") return `[${code("showJob")} operation](${OPERATION_HREF})`;
  return code(pointer);
}
