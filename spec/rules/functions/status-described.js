import { createRulesetFunction } from "@stoplight/spectral-core";
import { deref, isObject, pathKey, propertyOf, schemaName } from "../../catalogue/document.js";
import { jobModel } from "../../catalogue/read-catalogue.js";

/** @typedef {import("@stoplight/spectral-core").IFunctionResult} IFunctionResult */
/** @typedef {import("../../catalogue/document.js").Located} Located */

/**
 * cloud-jobs-status-described: statuses differ per service and cloud (PENDING_PAYMENT, WAITING_EXECUTE, …), so every
 * value of a job status enum carries a description in `x-enumDescriptions`, the key Redoc renders, and that map
 * describes no value the enum lacks. Status enums are component schemas named `…JobStatus` and the `status` property
 * of job schemas, including enums inside their `anyOf`/`oneOf`/`allOf`.
 *
 * Options: `schemaSuffix` (default JobStatus), `property` (default status), `key` (default x-enumDescriptions).
 */
export default createRulesetFunction(
  {
    input: null,
    options: {
      type: ["object", "null"],
      additionalProperties: false,
      properties: { schemaSuffix: { type: "string", minLength: 1 }, property: { type: "string", minLength: 1 }, key: { type: "string", minLength: 1 } },
    },
  },
  /** @type {(document: unknown, options: { schemaSuffix?: string, property?: string, key?: string } | null) => IFunctionResult[]} */
  function statusDescribed(document, options) {
    const { schemaSuffix = "JobStatus", property = "status", key = "x-enumDescriptions" } = options ?? {};
    const schemas = isObject(document) && isObject(document.components) && isObject(document.components.schemas) ? document.components.schemas : {};
    /** @type {Located[]} */
    const targets = Object.keys(schemas).filter((name) => name.endsWith(schemaSuffix)).map((name) => ({ node: schemas[name], path: ["components", "schemas", name] }));
    for (const job of jobModel(document).jobSchemas) targets.push(propertyOf(document, job, property) ?? { node: null, path: [] });
    /** @type {Map<string, IFunctionResult>} */
    const results = new Map();
    for (const { node, path } of enumNodes(document, targets)) {
      const descriptions = isObject(node[key]) ? node[key] : {};
      node.enum.forEach((/** @type {unknown} */ value, /** @type {number} */ index) => {
        const text = typeof value === "string" ? descriptions[value] : "";
        if (typeof value === "string" && (typeof text !== "string" || text.trim() === "")) {
          results.set(pathKey([...path, "enum", index]), { path: [...path, "enum", index], message: `Job status ${value} of ${schemaName(path)} MUST be described in ${key}.` });
        }
      });
      for (const described of Object.keys(descriptions).filter((value) => !node.enum.includes(value))) {
        results.set(pathKey([...path, key, described]), { path: [...path, key, described], message: `${key} of ${schemaName(path)} describes ${described}, which MUST be a value of its enum.` });
      }
    }
    return [...results.values()];
  },
);

/**
 * The schemas holding an `enum` at or below `starts` through `anyOf`/`oneOf`/`allOf`, each once.
 * @type {(root: unknown, starts: Located[]) => Array<{ node: Record<string, any>, path: import("../../catalogue/document.js").JsonPath }>}
 */
function enumNodes(root, starts) {
  const found = [];
  const seen = new Set();
  for (let located = starts.pop(); located !== undefined; located = starts.pop()) {
    const { node, path } = located;
    if (!isObject(node) || seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node.enum)) found.push({ node, path });
    for (const keyword of ["anyOf", "oneOf", "allOf"]) {
      (Array.isArray(node[keyword]) ? node[keyword] : []).forEach((/** @type {unknown} */ entry, /** @type {number} */ index) => {
        const target = deref(root, entry, [...path, keyword, index]);
        if (target !== null) starts.push(target);
      });
    }
  }
  return found;
}
