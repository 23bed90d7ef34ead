import type { ServiceInfo } from "./service-model.js";
import { COMMON_TAG, ERRORS_TAG, schemaHref, serviceTag } from "./site-map.js";
import { isNode, type SpecIndex } from "./spec-index.js";

/**
 * Which reference section (Redoc tag) lists each component schema, in the
 * order the reference shows them: per service its union, the known union,
 * each job type, the unknown member, the status and entities schemas; then
 * the error bodies; everything else under "Common schemas".
 */
export function schemaTags(spec: SpecIndex, services: readonly ServiceInfo[]): Map<string, string> {
  const tags = new Map<string, string>();
  const put = (name: string | undefined, tag: string) => {
    if (name !== undefined && !tags.has(name)) tags.set(name, tag);
  };
  for (const svc of services) {
    const tag = serviceTag(svc.label);
    put(svc.unionName, tag);
    put(svc.knownName, tag);
    for (const jt of svc.jobTypes) put(jt.schemaName, tag);
    put(svc.unknownName, tag);
    put(svc.statusName, tag);
    for (const jt of svc.jobTypes) put(jt.entities.schemaName, tag);
    put(svc.unknown.entities.schemaName, tag);
    // Sub-job entities are only reachable through a job type's entities; pick them up by name.
    const schemas = isNode(spec.doc.components) && isNode(spec.doc.components.schemas) ? spec.doc.components.schemas : {};
    for (const name of Object.keys(schemas)) if (name.startsWith(svc.unionName.replace(/Job$/, ""))) put(name, tag);
  }
  const errors = spec.schema("ErrorResponse");
  put("ErrorResponse", ERRORS_TAG);
  for (const member of Array.isArray(errors.anyOf) ? errors.anyOf : []) put(spec.refName(member), ERRORS_TAG);
  put("ApiError", ERRORS_TAG);
  return tags;
}

/** Link to a schema's section of the reference; untagged schemas are under "Common schemas". */
export function schemaLink(tags: ReadonlyMap<string, string>, name: string): string {
  return schemaHref(tags.get(name) ?? COMMON_TAG, name);
}
