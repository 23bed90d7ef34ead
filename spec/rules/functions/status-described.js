import { createRulesetFunction } from "@stoplight/spectral-core";
import { deref, isObject, pathKey, propertyOf, schemaName } from "../../catalogue/document.js";
import { jobModel } from "../../catalogue/read-catalogue.js";

/** @typedef {import("@stoplight/spectral-core").IFunctionResult} IFunctionResult */
/** @typedef {import("../../catalogue/document.js").Located} Located */

/**
 * cloud-jobs-status-described: statuses differ per service and cloud
 * (PENDING_PAYMENT, WAITING_EXECUTE, …), so every value of a job status enum
 * carries a description in `x-enumDescriptions`, the key Redoc renders; and
 * that map describes no value the enum lacks. Status enums are component
 * schemas named `…JobStatus` and the `status` property of job schemas,
 * including enums inside their `anyOf`/`oneOf`/`allOf`.
 *
 * Options: `schemaSuffix` (default JobStatus), `property` (default status),
 * `key` (default x-enumDescriptions).
 */
export default createRulesetFunction(
  {
    input: null,
    options: {
      type: ["object", "null"],
      additionalProperties: false,
      properties: {
        schemaSuffix: { type: "string", minLength: 1 },
        property: { type: "string", minLength: 1 },
        key: { type: "string", minLength: 1 },
      },
    },
  },
  /**
   * @param {unknown} document
   * @param {{ schemaSuffix?: string, property?: string, key?: string } | null} options
   */
  function statusDescribed(document, options) {
    const { schemaSuffix = "JobStatus", property = "status", key = "x-enumDescriptions" } = options ?? {};
    /** @type {Map<string, Located>} */
    const targets = new Map();
    const schemas = isObject(document) && isObject(document.components) ? document.components.schemas : undefined;
    if (isObject(schemas)) {
      for (const [name, node] of Object.entries(schemas)) {
        if (name.endsWith(schemaSuffix)) targets.set(pathKey(["components", "schemas", name]), { node, path: ["components", "schemas", name] });
      }
    }
    for (const job of jobModel(document).jobSchemas) {
      const status = propertyOf(document, job, property);
      if (status !== null) targets.set(pathKey(status.path), status);
    }
    /** @type {Map<string, IFunctionResult>} */
    const results = new Map();
    for (const target of targets.values()) {
      for (const result of enumNodes(document, target).flatMap((located) => checkDescriptions(located, key))) {
        results.set(pathKey(result.path ?? []) + result.message, result);
      }
    }
    return [...results.values()];
  },
);

/**
 * The schemas holding an `enum`, at or below `start` through combinators.
 * @param {unknown} root
 * @param {Located} start
 * @returns {Array<{ node: Record<string, unknown> & { enum: unknown[] }, path: import("../../catalogue/document.js").JsonPath }>}
 */
function enumNodes(root, start) {
  const found = [];
  const seen = new Set();
  const stack = [start];
  for (let located = stack.pop(); located !== undefined; located = stack.pop()) {
    const { node, path } = located;
    if (!isObject(node) || seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node.enum)) found.push({ node: { ...node, enum: node.enum }, path });
    for (const keyword of ["anyOf", "oneOf", "allOf"]) {
      const entries = node[keyword];
      if (!Array.isArray(entries)) continue;
      entries.forEach((entry, index) => {
        const target = deref(root, entry, [...path, keyword, index]);
        if (target !== null) stack.push(target);
      });
    }
  }
  return found;
}

/**
 * @param {{ node: Record<string, unknown> & { enum: unknown[] }, path: import("../../catalogue/document.js").JsonPath }} located
 * @param {string} key
 * @returns {IFunctionResult[]}
 */
function checkDescriptions({ node, path }, key) {
  const descriptions = isObject(node[key]) ? node[key] : {};
  /** @type {IFunctionResult[]} */
  const results = [];
  node.enum.forEach((value, index) => {
    if (typeof value !== "string") return;
    const text = descriptions[value];
    if (typeof text !== "string" || text.trim() === "") {
      results.push({ path: [...path, "enum", index], message: `Job status ${value} of ${schemaName(path)} MUST be described in ${key}.` });
    }
  });
  for (const described of Object.keys(descriptions)) {
    if (!node.enum.includes(described)) {
      results.push({ path: [...path, key, described], message: `${key} of ${schemaName(path)} describes ${described}, which MUST be a value of its enum.` });
    }
  }
  return results;
}
