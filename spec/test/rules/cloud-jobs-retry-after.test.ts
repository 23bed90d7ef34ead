import { describe, expect, it } from "vitest";
import { findings, openapi } from "./lint.js";

const RULE = "cloud-jobs-retry-after";
const document = (tooMany: string) => openapi("    Error: {type: object}", {
  paths: `
  /jobs/{job_id}:
    get:
      responses:
        "200": {description: A job.}
        "429":
${tooMany}`,
  components: `  responses:
    TooManyRequests:
      description: Throttled.
      headers:
        Retry-After: {schema: {type: string}}
`,
});

describe(RULE, () => {
  it("reports nothing when the 429 response declares Retry-After, inline or through a $ref", async () => {
    expect(await findings(RULE, document("          $ref: '#/components/responses/TooManyRequests'"))).toEqual([]);
    expect(await findings(RULE, document("          description: Throttled.\n          headers: {Retry-After: {schema: {type: integer}}}"))).toEqual([]);
  });

  it("reports a 429 response without Retry-After", async () => {
    expect(await findings(RULE, document("          description: Throttled.\n          headers: {X-Request-Id: {schema: {type: string}}}"))).toEqual([
      { path: ["paths", "/jobs/{job_id}", "get", "responses", "429", "headers"], message: "The 429 response MUST declare the Retry-After header." },
    ]);
  });
});
