import { createRulesetFunction } from "@stoplight/spectral-core";
import { deref, isObject, propertyOf, schemaName } from "../../catalogue/document.js";
import { JOB_TYPE, UNKNOWN_MARKER, jobModel, knownJobTypes } from "../../catalogue/read-catalogue.js";

/** @typedef {import("@stoplight/spectral-core").IFunctionResult} IFunctionResult */
/** @typedef {import("../../catalogue/document.js").Located} Located */

/**
 * cloud-jobs-unknown-job-member: the cloud adds job types without notice, so every per-service union (an `anyOf`
 * containing a discriminated known-job union) has exactly one member marked `x-cloud-jobs-unknown-job-type: true`
 * whose `job_type.not.enum` lists exactly the known job types: an unknown type then validates, and a known one
 * matches exactly one member. A marked schema that belongs to no such union is reported too.
 */
export default createRulesetFunction(
  { input: null, options: null },
  /** @type {(document: unknown) => IFunctionResult[]} */
  function unknownJobMember(document) {
    /** @type {IFunctionResult[]} */
    const results = [];
    const model = jobModel(document);
    const claimed = new Set();
    for (const union of model.serviceUnions) {
      const name = schemaName(union.path);
      const unknown = union.members.flatMap(({ target }) => (target?.node?.[UNKNOWN_MARKER] === true ? [target] : []));
      if (unknown.length !== 1) {
        results.push({ path: [...union.path, union.keyword], message: `Job union ${name} MUST have exactly one member marked ${UNKNOWN_MARKER}: true (found ${unknown.length}).` });
      }
      const expected = [...new Set(union.known.flatMap((known) => knownJobTypes(document, known)))];
      for (const member of unknown) {
        claimed.add(member.node);
        const property = propertyOf(document, member, JOB_TYPE);
        const excluded = property === null ? null : notEnumOf(document, property);
        if (excluded === null) {
          results.push({ path: property?.path ?? member.path, message: `Unknown-job schema ${schemaName(member.path)} MUST exclude the known job types of ${name} with job_type.not.enum.` });
          continue;
        }
        const listed = excluded.node.filter((/** @type {unknown} */ value) => typeof value === "string");
        const missing = expected.filter((type) => !listed.includes(type));
        const extra = listed.filter((/** @type {string} */ type) => !expected.includes(type));
        const details = [missing.length > 0 ? `missing ${missing.join(", ")}` : "", extra.length > 0 ? `not known ${extra.join(", ")}` : ""].filter(Boolean);
        if (details.length > 0) {
          results.push({ path: excluded.path, message: `job_type.not.enum of ${schemaName(member.path)} MUST list exactly the known job types of ${name}; ${details.join("; ")}.` });
        }
      }
    }
    for (const member of model.unknownMembers.filter(({ node }) => !claimed.has(node))) {
      results.push({
        path: [...member.path, UNKNOWN_MARKER],
        message: `Unknown-job schema ${schemaName(member.path)} MUST be a member of a job union beside a discriminated known-job union.`,
      });
    }
    return results;
  },
);

/** The `enum` of the `not` of a `job_type` schema, directly or in one of its `allOf`. @type {(root: unknown, schema: Located) => Located | null} */
function notEnumOf(root, schema) {
  const candidates = [schema, ...(Array.isArray(schema.node?.allOf) ? schema.node.allOf : []).map((/** @type {unknown} */ entry, /** @type {number} */ index) => deref(root, entry, [...schema.path, "allOf", index]))];
  for (const candidate of candidates) {
    if (!isObject(candidate?.node) || !isObject(candidate.node.not)) continue;
    const not = deref(root, candidate.node.not, [...candidate.path, "not"]);
    if (not !== null && isObject(not.node) && Array.isArray(not.node.enum)) return { node: not.node.enum, path: [...not.path, "enum"] };
  }
  return null;
}
