import { describe, expect, it } from "vitest";
import { findings, jobPath, knownUnion, openapi } from "./lint.js";

const RULE = "cloud-jobs-error-responses";

/** A job operation and a non-job one; the job operation's error responses are given by the test. */
function document(errorResponses: string): string {
  const paths = `${jobPath("AcmeJob", { operationId: "showJob", responses: errorResponses })}
  /health:
    get:
      operationId: health
      responses:
        "200": {description: Up., content: {application/json: {schema: {type: object}}}}
        "503": {description: Down.}`;
  const responses = `  responses:
    BadRequest:
      description: Unknown job.
      content:
        application/json:
          schema: {$ref: '#/components/schemas/ErrorBody'}
          examples:
            unknownJob: {value: {error: {code: Common.0011, message: Failed to query system tasks.}}}
`;
  return openapi(`    ErrorBody: {type: object}
    AcmeJob:
      oneOf: [{$ref: '#/components/schemas/AcmeKnownJob'}]
${knownUnion(["createThing"], { members: true })}`, { paths, components: responses });
}

const GOOD = `        "400": {$ref: '#/components/responses/BadRequest'}
        5XX:
          description: Server error.
          content:
            application/problem+json:
              schema: {$ref: '#/components/schemas/ErrorBody'}
              example: {code: Common.0001, message: System exception.}`;

describe(RULE, () => {
  it("reports nothing when every error response of a job operation has a JSON schema and an example", async () => {
    // /health has a bare 503, but it is not a job operation.
    expect(await findings(RULE, document(GOOD))).toEqual([]);
  });

  it("reports an error response without a body", async () => {
    const doc = document(`${GOOD}\n        "429": {description: Too many requests.}`);
    expect(await findings(RULE, doc)).toEqual([
      {
        path: ["paths", "/jobs/{job_id}", "get", "responses", "429"],
        message: "The 429 response of showJob MUST have a JSON body.",
      },
    ]);
  });

  it("reports, where the shared response is defined, a JSON body without example or schema", async () => {
    const doc = document(GOOD).replace(
      "          schema: {$ref: '#/components/schemas/ErrorBody'}\n          examples:\n            unknownJob: {value: {error: {code: Common.0011, message: Failed to query system tasks.}}}",
      "          examples: {}",
    );
    expect(await findings(RULE, doc)).toEqual([
      {
        path: ["components", "responses", "BadRequest", "content", "application/json"],
        message: "The 400 response of showJob MUST have a body schema.",
      },
      {
        path: ["components", "responses", "BadRequest", "content", "application/json"],
        message: "The 400 response of showJob MUST have at least one example.",
      },
    ]);
  });

  it("reports a body that is not JSON", async () => {
    const doc = document(`${GOOD}\n        "502": {description: Bad gateway., content: {text/html: {example: <html/>}}}`);
    expect(await findings(RULE, doc)).toEqual([
      {
        path: ["paths", "/jobs/{job_id}", "get", "responses", "502"],
        message: "The 502 response of showJob MUST have a JSON body.",
      },
    ]);
  });
});
