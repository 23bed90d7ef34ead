import { createRulesetFunction } from "@stoplight/spectral-core";
import { schema } from "@stoplight/spectral-functions";
import { deref, isObject, pathKey, shapeOf } from "../../catalogue/document.js";
import { jobModel } from "../../catalogue/read-catalogue.js";

/** @typedef {import("@stoplight/spectral-core").IFunctionResult} IFunctionResult */

// What real servers send: a timestamp, "" while the job runs (EVS docs, terraform-provider-huaweicloud #1944).
// And what they never send (no source shows a null time), to catch a schema that accepts anything.
const SAMPLES = [
  { value: "2024-05-06T07:08:09Z", valid: true, what: "an ISO 8601 date-time such as 2024-05-06T07:08:09Z" },
  { value: "", valid: true, what: '"" (sent while the job runs)' },
  { value: null, valid: false, what: "null (no source sends it; leave the field out instead)" },
  { value: "yesterday", valid: false, what: 'a string that is not a date-time, such as "yesterday"' },
];

/**
 * cloud-jobs-time-fields: the time fields of every job schema accept a date-time and `""`, and reject `null` and other
 * strings. Checked by validating those samples against the field's schema (JSON Schema 2020-12, as OpenAPI 3.1 uses),
 * so any way of writing it passes; each problem is reported once, where the field's schema is defined.
 *
 * Options: `fields` (default begin_time, end_time).
 */
export default createRulesetFunction(
  {
    input: null,
    options: { type: ["object", "null"], additionalProperties: false, properties: { fields: { type: "array", items: { type: "string" }, minItems: 1 } } },
  },
  /** @type {(document: unknown, options: { fields?: string[] } | null, context: import("@stoplight/spectral-core").RulesetFunctionContext) => IFunctionResult[]} */
  function timeFields(document, options, context) {
    /** @type {IFunctionResult[]} */
    const results = [];
    const checked = new Set();
    for (const job of jobModel(document).jobSchemas) {
      const shape = shapeOf(document, job);
      for (const field of options?.fields ?? ["begin_time", "end_time"]) {
        const written = shape.properties.get(field);
        const defined = written === undefined ? null : deref(document, written.node, written.path);
        if (defined === null || checked.has(pathKey(defined.path))) continue;
        checked.add(pathKey(defined.path));
        // A schema whose root is the document (so `#/components/…` resolves) and which validates against the field's schema.
        const pointer = "#/" + defined.path.map((part) => encodeURIComponent(String(part).replace(/~/g, "~0").replace(/\//g, "~1"))).join("/");
        const validator = { ...(isObject(document) ? document : {}), $ref: pointer };
        for (const sample of SAMPLES) {
          const errors = schema(sample.value, { schema: validator, dialect: "draft2020-12", allErrors: false }, context);
          // Spectral's schema function is synchronous; it returns no or an empty list when the value is valid.
          const accepted = errors === undefined || (Array.isArray(errors) && errors.length === 0);
          if (accepted !== sample.valid) results.push({ path: defined.path, message: `${field} MUST ${sample.valid ? "accept" : "reject"} ${sample.what}.` });
        }
      }
    }
    return results;
  },
);
