import { createRulesetFunction } from "@stoplight/spectral-core";
import { examplesOf, isObject, mediaTypesOf } from "../../catalogue/document.js";
import { jobOperations } from "../../catalogue/read-catalogue.js";

/** @typedef {import("@stoplight/spectral-core").IFunctionResult} IFunctionResult */

/**
 * cloud-jobs-error-responses: the job services disagree on error bodies
 * (nested, flat, gateway), so every 4xx/5xx response of a job operation
 * (one whose 2xx body can be a job) has a JSON body schema and at least one
 * example, which the docs show and the mock server serves. Reported where
 * the response or media type is defined.
 */
export default createRulesetFunction(
  { input: null, options: null },
  /** @param {unknown} document */
  function errorResponses(document) {
    /** @type {IFunctionResult[]} */
    const results = [];
    for (const operation of jobOperations(document)) {
      for (const response of operation.responses.filter(({ status }) => /^[45](?:\d\d|XX)$/i.test(status))) {
        const what = `${response.status} response of ${operation.label}`;
        const mediaTypes = mediaTypesOf(document, response);
        if (mediaTypes.length === 0) {
          results.push({ path: response.path, message: `The ${what} MUST have a JSON body.` });
        }
        for (const mediaType of mediaTypes) {
          if (!isObject(mediaType.node.schema)) {
            results.push({ path: mediaType.path, message: `The ${what} MUST have a body schema.` });
          }
          if (examplesOf(document, mediaType).length === 0) {
            results.push({ path: mediaType.path, message: `The ${what} MUST have at least one example.` });
          }
        }
      }
    }
    return results;
  },
);
