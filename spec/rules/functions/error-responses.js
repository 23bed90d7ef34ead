import { createRulesetFunction } from "@stoplight/spectral-core";
import { isObject } from "./lib/json.js";
import { jobModel } from "./lib/job-model.js";
import { examplesOf, jsonMediaTypes, operationsOf, responsesOf } from "./lib/operations.js";
import { reachesAny } from "./lib/reach.js";

/** @typedef {import("@stoplight/spectral-core").IFunctionResult} IFunctionResult */

const SUCCESS = /^2(?:\d\d|XX)$/i;
const ERROR = /^[45](?:\d\d|XX)$/i;

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
    const model = jobModel(document);
    const jobNodes = new Set([...model.knownUnions, ...model.jobSchemas].map(({ node }) => node));
    /** @type {IFunctionResult[]} */
    const results = [];
    for (const operation of operationsOf(document)) {
      const responses = responsesOf(document, operation);
      const isJobOperation = responses.some(
        (response) =>
          SUCCESS.test(response.status) &&
          jsonMediaTypes(document, response).some(({ node, path }) => reachesAny(document, { node: node.schema, path: [...path, "schema"] }, jobNodes)),
      );
      if (!isJobOperation) continue;
      for (const response of responses.filter(({ status }) => ERROR.test(status))) {
        const what = `${response.status} response of ${operation.label}`;
        const mediaTypes = jsonMediaTypes(document, response);
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
