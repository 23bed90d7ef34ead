import { createRulesetFunction } from "@stoplight/spectral-core";
import { schemaName, shapeOf } from "../../catalogue/document.js";
import { jobModel } from "../../catalogue/read-catalogue.js";

/**
 * cloud-jobs-job-common-fields: every job schema (each member of a
 * discriminated job union, and each unknown-job member) declares the fields
 * every job carries and requires the ones every server sends, so a client
 * can read any job, documented type or not, the same way.
 *
 * Options: `fields` (names to declare), `required` (names to require).
 */
export default createRulesetFunction(
  {
    input: null,
    options: {
      type: "object",
      additionalProperties: false,
      required: ["fields", "required"],
      properties: {
        fields: { type: "array", items: { type: "string" }, minItems: 1 },
        required: { type: "array", items: { type: "string" } },
      },
    },
  },
  /**
   * @param {unknown} document
   * @param {{ fields: string[], required: string[] }} options
   */
  function jobCommonFields(document, { fields, required }) {
    /** @type {import("@stoplight/spectral-core").IFunctionResult[]} */
    const results = [];
    for (const schema of jobModel(document).jobSchemas) {
      const shape = shapeOf(document, schema);
      const name = schemaName(schema.path);
      const missing = fields.filter((field) => !shape.properties.has(field));
      if (missing.length > 0) {
        results.push({ path: schema.path, message: `Job schema ${name} MUST declare the common job fields; missing: ${missing.join(", ")}.` });
      }
      const optional = required.filter((field) => !shape.required.has(field));
      if (optional.length > 0) {
        results.push({ path: schema.path, message: `Job schema ${name} MUST require ${optional.join(", ")}.` });
      }
    }
    return results;
  },
);
