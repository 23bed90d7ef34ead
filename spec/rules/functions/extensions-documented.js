import { createRulesetFunction } from "@stoplight/spectral-core";
import { walkObjects } from "../../catalogue/document.js";

/** @typedef {import("@stoplight/spectral-core").IFunctionResult} IFunctionResult */

/**
 * cloud-jobs-extensions-documented: every vendor extension with our prefix
 * that the document uses is one of the documented ones, so readers and tools
 * can look each up. The list lives in the rule's options rather than being
 * read from a file at lint time: the ruleset then works from any directory,
 * when extended by another ruleset, and in the browser; a test keeps our list
 * equal to the headings of spec/extensions.md.
 *
 * Options: `prefix` (e.g. x-cloud-jobs-), `documented` (extension names),
 * `where` (the document named in messages, e.g. extensions.md).
 */
export default createRulesetFunction(
  {
    input: null,
    options: {
      type: "object",
      additionalProperties: false,
      required: ["prefix", "documented", "where"],
      properties: {
        prefix: { type: "string", pattern: "^x-" },
        documented: { type: "array", items: { type: "string", pattern: "^x-" }, uniqueItems: true },
        where: { type: "string", minLength: 1 },
      },
    },
  },
  /**
   * @param {unknown} document
   * @param {{ prefix: string, documented: string[], where: string }} options
   */
  function extensionsDocumented(document, { prefix, documented, where }) {
    const known = new Set(documented);
    /** @type {IFunctionResult[]} */
    const results = [];
    walkObjects(document, (node, path) => {
      for (const key of Object.keys(node)) {
        if (key.startsWith(prefix) && !known.has(key)) {
          results.push({ path: [...path, key], message: `Extension ${key} MUST be documented in ${where}.` });
        }
      }
    });
    return results;
  },
);
