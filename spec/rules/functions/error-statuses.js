import { createRulesetFunction } from "@stoplight/spectral-core";
import { deref, mediaTypesOf, operationsOf, schemaName } from "../../catalogue/document.js";

/** @typedef {import("@stoplight/spectral-core").IFunctionResult} IFunctionResult */

/**
 * cloud-jobs-error-statuses: every operation declares at least one response of each status class in `classes`
 * (default 4 and 5; `default` does not count), and the JSON body of each of those (and of `default`) is the error
 * schema `schema` (default ErrorResponse), so clients parse every error one way.
 */
export default createRulesetFunction(
  {
    input: null,
    options: {
      type: ["object", "null"],
      additionalProperties: false,
      properties: { classes: { type: "array", items: { enum: ["1", "2", "3", "4", "5"] } }, schema: { type: "string", minLength: 1 } },
    },
  },
  /** @type {(document: unknown, options: { classes?: string[], schema?: string } | null) => IFunctionResult[]} */
  function errorStatuses(document, options) {
    const { classes = ["4", "5"], schema = "ErrorResponse" } = options ?? {};
    /** @type {IFunctionResult[]} */
    const results = [];
    for (const operation of operationsOf(document)) {
      for (const cls of classes.filter((c) => !operation.responses.some(({ status }) => status.startsWith(c)))) {
        results.push({ path: [...operation.path, "responses"], message: `${operation.label} MUST declare a ${cls}xx response.` });
      }
      for (const response of operation.responses.filter(({ status }) => classes.includes(status[0] ?? "") || status === "default")) {
        for (const mediaType of mediaTypesOf(document, response)) {
          const target = deref(document, mediaType.node.schema, [...mediaType.path, "schema"]);
          if (target === null || schemaName(target.path) !== schema) {
            results.push({ path: [...mediaType.path, "schema"], message: `The ${response.status} response of ${operation.label} MUST use the error schema ${schema}.` });
          }
        }
      }
    }
    return results;
  },
);
