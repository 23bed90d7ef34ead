import { createRulesetFunction } from "@stoplight/spectral-core";
import { schema } from "@stoplight/spectral-functions";
import { deref, isObject, pathKey, shapeOf } from "../../catalogue/document.js";
import { jobModel } from "../../catalogue/read-catalogue.js";

/** @typedef {import("@stoplight/spectral-core").IFunctionResult} IFunctionResult */
/** @typedef {import("@stoplight/spectral-core").RulesetFunctionContext} RulesetFunctionContext */

// What real servers send: a timestamp, "" while the job runs (EVS docs,
// terraform-provider-huaweicloud #1944), null per the docs. And what they
// never send, to catch a schema that accepts anything.
const SAMPLES = [
  { value: "2024-05-06T07:08:09Z", valid: true, what: "an ISO 8601 date-time such as 2024-05-06T07:08:09Z" },
  { value: "", valid: true, what: '"" (sent while the job runs)' },
  { value: null, valid: true, what: "null" },
  { value: "yesterday", valid: false, what: 'a string that is not a date-time, such as "yesterday"' },
];

/**
 * cloud-jobs-time-fields: the time fields of every job schema accept a
 * date-time, `""` and `null`, and reject other strings. Checked by
 * validating those samples against the field's schema (JSON Schema
 * 2020-12, as OpenAPI 3.1 uses), so any way of writing it passes; each
 * problem is reported once, where the field's schema is defined.
 *
 * Options: `fields` (default begin_time, end_time).
 */
export default createRulesetFunction(
  {
    input: null,
    options: {
      type: ["object", "null"],
      additionalProperties: false,
      properties: { fields: { type: "array", items: { type: "string" }, minItems: 1 } },
    },
  },
  /**
   * @param {unknown} document
   * @param {{ fields?: string[] } | null} options
   * @param {RulesetFunctionContext} context
   */
  function timeFields(document, options, context) {
    const fields = options?.fields ?? ["begin_time", "end_time"];
    /** @type {IFunctionResult[]} */
    const results = [];
    const checked = new Set();
    for (const job of jobModel(document).jobSchemas) {
      const shape = shapeOf(document, job);
      for (const field of fields) {
        const written = shape.properties.get(field);
        const defined = written === undefined ? null : deref(document, written.node, written.path);
        if (defined === null || checked.has(pathKey(defined.path))) continue;
        checked.add(pathKey(defined.path));
        const validator = validatorFor(document, defined.path);
        for (const sample of SAMPLES) {
          const errors = schema(sample.value, { schema: validator, dialect: "draft2020-12", allErrors: false }, context);
          // Spectral's schema function is synchronous; it returns no or an empty list when the value is valid.
          const accepted = errors === undefined || (Array.isArray(errors) && errors.length === 0);
          if (accepted === sample.valid) continue;
          results.push({ path: defined.path, message: `${field} MUST ${sample.valid ? "accept" : "reject"} ${sample.what}.` });
        }
      }
    }
    return results;
  },
);

const validators = new WeakMap();

/**
 * A JSON Schema whose root is the document (so `#/components/…` references
 * resolve) and which validates against the schema at `path`. Cached per
 * document so Spectral compiles each one once.
 * @param {unknown} root
 * @param {import("../../catalogue/document.js").JsonPath} path
 * @returns {Record<string, unknown>}
 */
function validatorFor(root, path) {
  const byPath = validators.get(/** @type {object} */ (root)) ?? new Map();
  validators.set(/** @type {object} */ (root), byPath);
  const pointer = "#/" + path.map((part) => encodeURIComponent(String(part).replace(/~/g, "~0").replace(/\//g, "~1"))).join("/");
  const cached = byPath.get(pointer);
  if (cached !== undefined) return cached;
  const validator = { ...(isObject(root) ? root : {}), $ref: pointer };
  byPath.set(pointer, validator);
  return validator;
}
