import { createRulesetFunction } from "@stoplight/spectral-core";
import { deref, isObject, propertyOf, schemaName } from "../../catalogue/document.js";
import { JOB_TYPE, UNKNOWN_MARKER, jobModel, knownJobTypes } from "../../catalogue/read-catalogue.js";

/** @typedef {import("@stoplight/spectral-core").IFunctionResult} IFunctionResult */
/** @typedef {import("../../catalogue/document.js").Located} Located */

/**
 * cloud-jobs-unknown-job-member: the cloud adds job types without notice, so
 * every per-service union (a `oneOf` containing a discriminated known-job
 * union) has exactly one member marked `x-cloud-jobs-unknown-job-type: true`
 * whose `job_type.not.enum` lists exactly the known job types: an unknown
 * type then validates, and a known one matches exactly one member. A marked
 * schema that belongs to no such union is reported too.
 */
export default createRulesetFunction(
  { input: null, options: null },
  /** @param {unknown} document */
  function unknownJobMember(document) {
    /** @type {IFunctionResult[]} */
    const results = [];
    const model = jobModel(document);
    const claimed = new Set();
    for (const union of model.serviceUnions) {
      const name = schemaName(union.path);
      const unknown = union.members.flatMap(({ target }) =>
        target !== null && isObject(target.node) && target.node[UNKNOWN_MARKER] === true ? [target] : [],
      );
      if (unknown.length !== 1) {
        results.push({
          path: [...union.path, "oneOf"],
          message: `Job union ${name} MUST have exactly one member marked ${UNKNOWN_MARKER}: true (found ${unknown.length}).`,
        });
      }
      const expected = [...new Set(union.known.flatMap((known) => knownJobTypes(document, known)))];
      for (const member of unknown) {
        claimed.add(member.node);
        results.push(...checkExclusions(document, member, expected, name));
      }
    }
    for (const member of model.unknownMembers) {
      if (!claimed.has(member.node)) {
        results.push({
          path: [...member.path, UNKNOWN_MARKER],
          message: `Unknown-job schema ${schemaName(member.path)} MUST be a oneOf member of a job union beside a discriminated known-job union.`,
        });
      }
    }
    return results;
  },
);

/**
 * @param {unknown} root
 * @param {Located} member
 * @param {string[]} expected
 * @param {string} unionName
 * @returns {IFunctionResult[]}
 */
function checkExclusions(root, member, expected, unionName) {
  const name = schemaName(member.path);
  const property = propertyOf(root, member, JOB_TYPE);
  const excluded = property === null ? null : notEnumOf(root, property);
  if (excluded === null) {
    return [{
      path: property?.path ?? member.path,
      message: `Unknown-job schema ${name} MUST exclude the known job types of ${unionName} with job_type.not.enum.`,
    }];
  }
  const listed = excluded.node.filter((value) => typeof value === "string");
  const missing = expected.filter((type) => !listed.includes(type));
  const extra = listed.filter((type) => !expected.includes(type));
  if (missing.length === 0 && extra.length === 0) return [];
  const details = [missing.length > 0 ? `missing ${missing.join(", ")}` : "", extra.length > 0 ? `not known ${extra.join(", ")}` : ""];
  return [{
    path: excluded.path,
    message: `job_type.not.enum of ${name} MUST list exactly the known job types of ${unionName}; ${details.filter(Boolean).join("; ")}.`,
  }];
}

/**
 * The `not.enum` of a `job_type` schema, directly or in one of its `allOf`.
 * @param {unknown} root
 * @param {Located} schema
 * @returns {{ node: unknown[], path: import("../../catalogue/document.js").JsonPath } | null}
 */
function notEnumOf(root, schema) {
  const candidates = [schema];
  if (isObject(schema.node) && Array.isArray(schema.node.allOf)) {
    schema.node.allOf.forEach((entry, index) => {
      const located = deref(root, entry, [...schema.path, "allOf", index]);
      if (located !== null) candidates.push(located);
    });
  }
  for (const { node, path } of candidates) {
    if (!isObject(node) || !isObject(node.not)) continue;
    const not = deref(root, node.not, [...path, "not"]);
    if (not !== null && isObject(not.node) && Array.isArray(not.node.enum)) return { node: not.node.enum, path: [...not.path, "enum"] };
  }
  return null;
}
