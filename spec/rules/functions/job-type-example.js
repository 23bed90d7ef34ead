import { createRulesetFunction } from "@stoplight/spectral-core";
import { constOf, examplesOf, isObject, mediaTypesOf, operationsOf, pathKey, schemaName } from "../../catalogue/document.js";
import { JOB_TYPE, jobModel } from "../../catalogue/read-catalogue.js";

/** @typedef {import("@stoplight/spectral-core").IFunctionResult} IFunctionResult */

/**
 * cloud-jobs-job-type-example: examples feed the docs, the mock server and
 * the contract fixtures, so every documented job type has one: a response
 * example of an operation in which the job, or one of its sub-jobs at any
 * depth, has that `job_type`; or an `examples` (or `example`) entry on the
 * job-type schema itself.
 */
export default createRulesetFunction(
  { input: null, options: null },
  /** @param {unknown} document */
  function jobTypeExample(document) {
    const shown = jobTypesInExamples(document);
    /** @type {Map<string, IFunctionResult>} */
    const results = new Map();
    for (const union of jobModel(document).knownUnions) {
      for (const { target } of union.members) {
        if (target === null || !isObject(target.node)) continue;
        const literal = constOf(document, target, JOB_TYPE);
        if (literal === null || shown.has(literal)) continue;
        if ((Array.isArray(target.node.examples) && target.node.examples.length > 0) || target.node.example !== undefined) continue;
        results.set(pathKey(target.path), {
          path: target.path,
          message: `Job type ${literal} (${schemaName(target.path)}) MUST have an example: a response example with this job_type on the job or a sub-job, or an examples entry on the schema.`,
        });
      }
    }
    return [...results.values()];
  },
);

/**
 * Every `job_type` string found anywhere inside the response examples of
 * the document's operations (sub-jobs included, wherever they nest).
 * @param {unknown} root
 * @returns {Set<string>}
 */
function jobTypesInExamples(root) {
  const found = new Set();
  /** @param {unknown} value */
  const collect = (value) => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (isObject(value)) {
      if (typeof value[JOB_TYPE] === "string") found.add(value[JOB_TYPE]);
      Object.values(value).forEach(collect);
    }
  };
  for (const response of operationsOf(root).flatMap(({ responses }) => responses)) {
    for (const mediaType of mediaTypesOf(root, response)) examplesOf(root, mediaType).forEach(({ value }) => collect(value));
  }
  return found;
}
