import { describe, expect, it } from "vitest";
import { findings, openapi } from "./lint.js";

const RULE = "cloud-jobs-error-statuses";
const json = (schema: string) => `{description: Error., content: {application/json: {schema: {$ref: '#/components/schemas/${schema}'}}}}`;
const document = (responses: string) => openapi("    ErrorResponse: {type: object}\n    Other: {type: object}", {
  paths: `
  /jobs/{job_id}:
    get:
      operationId: showJob
      responses:
        "200": {description: A job.}
${responses}`,
  components: `  responses:
    NotFound: ${json("ErrorResponse")}
`,
});

describe(RULE, () => {
  it("reports nothing when 4xx, 5xx and default responses use ErrorResponse (a 502 may also send HTML)", async () => {
    const doc = document(`        "404": {$ref: '#/components/responses/NotFound'}
        "502": {description: Bad gateway., content: {application/json: {schema: {$ref: '#/components/schemas/ErrorResponse'}}, text/html: {schema: {type: string}}}}
        default: ${json("ErrorResponse")}`);
    expect(await findings(RULE, doc)).toEqual([]);
  });

  it("reports a missing status class", async () => {
    expect(await findings(RULE, document(`        "404": {$ref: '#/components/responses/NotFound'}`))).toEqual([
      { path: ["paths", "/jobs/{job_id}", "get", "responses"], message: "showJob MUST declare a 5xx response." },
    ]);
  });

  it("reports an error body that is not the error schema", async () => {
    const doc = document(`        "400": ${json("Other")}\n        "500": ${json("ErrorResponse")}\n        default: {description: Error., content: {application/json: {schema: {type: object}}}}`);
    expect(await findings(RULE, doc)).toEqual([
      { path: ["paths", "/jobs/{job_id}", "get", "responses", "400", "content", "application/json", "schema"], message: "The 400 response of showJob MUST use the error schema ErrorResponse." },
      { path: ["paths", "/jobs/{job_id}", "get", "responses", "default", "content", "application/json", "schema"], message: "The default response of showJob MUST use the error schema ErrorResponse." },
    ]);
  });
});
