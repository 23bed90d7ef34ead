import { describe, expect, it } from "vitest";
import { findings, openapi } from "./lint.js";

const RULE = "cloud-jobs-path-parameters";
const document = (jobId: string) => openapi("    JobId: {type: string, pattern: '^[0-9a-f]{32}$', maxLength: 32}", {
  paths: `
  /{project_id}/jobs/{job_id}:
    parameters:
      - {name: project_id, in: path, required: true, schema: {type: string, pattern: '^[0-9a-f]{32}$', maxLength: 32}}
    get:
      parameters:
        - {name: job_id, in: path, required: true, schema: ${jobId}}
        - {name: verbose, in: query, schema: {type: boolean}}
      responses:
        "200": {description: A job.}`,
});

describe(RULE, () => {
  it("reports nothing when every path parameter has a pattern and a maxLength (inline or through a $ref)", async () => {
    expect(await findings(RULE, document("{$ref: '#/components/schemas/JobId'}"))).toEqual([]);
  });

  it("reports a path parameter without a pattern or a maxLength", async () => {
    expect(await findings(RULE, document("{type: string}"))).toEqual([
      { path: ["paths", "/{project_id}/jobs/{job_id}", "get", "parameters", "0", "schema"], message: "A path parameter MUST have schema.maxLength (a pattern and a maxLength on its schema)." },
      { path: ["paths", "/{project_id}/jobs/{job_id}", "get", "parameters", "0", "schema"], message: "A path parameter MUST have schema.pattern (a pattern and a maxLength on its schema)." },
    ]);
  });
});
