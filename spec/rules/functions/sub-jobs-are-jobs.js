import { createRulesetFunction } from "@stoplight/spectral-core";
import { isObject, deref, pathKey } from "./lib/json.js";
import { jobModel, schemaName } from "./lib/job-model.js";
import { reachesAny } from "./lib/reach.js";
import { propertySchema, shapeOf } from "./lib/shape.js";

/** @typedef {import("@stoplight/spectral-core").IFunctionResult} IFunctionResult */
/** @typedef {import("./lib/json.js").Located} Located */

/**
 * cloud-jobs-sub-jobs-are-jobs: a sub-job is a job (its id can be queried on
 * its own, and it may have sub-jobs), so wherever a job schema declares
 * `sub_jobs` (top level, as VBS does, or inside `entities`, as ECS, BMS and
 * EVS do) it is an array whose items refer to a job union or job schema, not
 * a copy of one that drifts.
 */
export default createRulesetFunction(
  { input: null, options: null },
  /** @param {unknown} document */
  function subJobsAreJobs(document) {
    const model = jobModel(document);
    const jobNodes = new Set([...model.serviceUnions, ...model.knownUnions, ...model.jobSchemas].map(({ node }) => node));
    /** @type {Map<string, IFunctionResult>} */
    const results = new Map();
    for (const job of model.jobSchemas) {
      for (const subJobs of subJobsOf(document, job)) {
        const key = pathKey(subJobs.path);
        if (results.has(key) || !isObject(subJobs.node)) continue;
        const items = subJobs.node.items === undefined ? null : deref(document, subJobs.node.items, [...subJobs.path, "items"]);
        if (items !== null && reachesAny(document, items, jobNodes)) continue;
        results.set(key, {
          path: subJobs.node.items === undefined ? subJobs.path : [...subJobs.path, "items"],
          message: `sub_jobs of ${schemaName(job.path)} MUST be an array whose items refer to a job union (a sub-job is a job).`,
        });
      }
    }
    return [...results.values()];
  },
);

/**
 * The `sub_jobs` schemas a job declares, at the top level and in `entities`.
 * @param {unknown} root
 * @param {Located} job
 * @returns {Located[]}
 */
function subJobsOf(root, job) {
  const shape = shapeOf(root, job);
  const found = [propertySchema(root, shape, "sub_jobs")];
  const entities = propertySchema(root, shape, "entities");
  if (entities !== null) found.push(propertySchema(root, shapeOf(root, entities), "sub_jobs"));
  return found.filter((located) => located !== null);
}
