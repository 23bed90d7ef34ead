import { createRulesetFunction } from "@stoplight/spectral-core";
import { isObject, propertyOf, schemaName } from "../../catalogue/document.js";
import { jobModel } from "../../catalogue/read-catalogue.js";

/** @typedef {import("@stoplight/spectral-core").IFunctionResult} IFunctionResult */
/** @typedef {import("../../catalogue/document.js").JsonPath} JsonPath */

const CLOSING = ["additionalProperties", "unevaluatedProperties"];

/**
 * cloud-jobs-unknown-job-open: nobody documented what an unknown job type
 * carries, so the unknown-job member and its `entities` stay open (no
 * `additionalProperties: false` / `unevaluatedProperties: false`) and its
 * `entities` requires nothing; otherwise a real job of a new type fails
 * validation and never reaches the user.
 */
export default createRulesetFunction(
  { input: null, options: null },
  /** @param {unknown} document */
  function unknownJobOpen(document) {
    /** @type {IFunctionResult[]} */
    const results = [];
    for (const member of jobModel(document).unknownMembers) {
      const name = schemaName(member.path);
      results.push(...closings(member.node, member.path, `Unknown-job schema ${name}`));
      const entities = propertyOf(document, member, "entities");
      if (entities === null || !isObject(entities.node)) continue;
      results.push(...closings(entities.node, entities.path, `entities of unknown-job schema ${name}`));
      const { required } = entities.node;
      if (Array.isArray(required) && required.length > 0) {
        results.push({ path: [...entities.path, "required"], message: `entities of unknown-job schema ${name} MUST NOT require fields (required: ${required.join(", ")}).` });
      }
    }
    return results;
  },
);

/**
 * @param {unknown} node
 * @param {JsonPath} path
 * @param {string} subject
 * @returns {IFunctionResult[]}
 */
function closings(node, path, subject) {
  if (!isObject(node)) return [];
  return CLOSING.filter((keyword) => node[keyword] === false).map((keyword) => ({
    path: [...path, keyword],
    message: `${subject} MUST NOT set ${keyword}: false; undocumented job types carry fields no one listed.`,
  }));
}
