import { createRulesetFunction } from "@stoplight/spectral-core";
import { deref, isObject, pathKey, propertyOf, reachesAny, schemaName } from "../../catalogue/document.js";
import { jobModel } from "../../catalogue/read-catalogue.js";

/** @typedef {import("@stoplight/spectral-core").IFunctionResult} IFunctionResult */
/** @typedef {import("../../catalogue/document.js").Located} Located */

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
  const found = [propertyOf(root, job, "sub_jobs"), propertyOf(root, propertyOf(root, job, "entities"), "sub_jobs")];
  return found.filter((located) => located !== null);
}
