import { describe, expect, it } from "vitest";
import { findings, knownUnion, openapi } from "./lint.js";

const RULE = "cloud-jobs-job-common-fields";

// The common fields, written once and spliced into each inline document.
const COMMON = `
        status: {type: string}
        entities: {type: object}
        job_id: {type: string}
        begin_time: {type: [string, "null"]}
        end_time: {type: [string, "null"]}
        error_code: {type: [string, "null"]}
        fail_reason: {type: [string, "null"]}`;

const passing = openapi(`${knownUnion(["createThing", "deleteThing"])}
    AcmeCreateThingJob:
      type: object
      required: [job_id, job_type, status]
      properties:
        job_type: {const: createThing}${COMMON}
    AcmeDeleteThingJob:
      # Factored through allOf: the rule looks at what is declared, not how.
      allOf:
        - $ref: '#/components/schemas/AcmeJobCommon'
        - properties:
            job_type: {const: deleteThing}
    AcmeJobCommon:
      type: object
      required: [job_id, job_type, status]
      properties:
        job_type: {type: string}${COMMON}
    AcmeUnknownJob:
      x-cloud-jobs-unknown-job-type: true
      type: object
      required: [job_id, job_type, status]
      properties:
        job_type: {type: string, not: {enum: [createThing, deleteThing]}}${COMMON}`);

describe(RULE, () => {
  it("reports nothing when every job schema declares and requires the common fields", async () => {
    expect(await findings(RULE, passing)).toEqual([]);
  });

  it("reports the missing fields of a known job-type schema", async () => {
    const doc = passing.replace(/\n {8}end_time: \{type: \[string, "null"\]\}/, "").replace("        fail_reason: {type: [string, \"null\"]}", "");
    expect(await findings(RULE, doc)).toEqual([
      {
        path: ["components", "schemas", "AcmeCreateThingJob"],
        message: "Job schema AcmeCreateThingJob MUST declare the common job fields; missing: end_time, fail_reason.",
      },
    ]);
  });

  it("reports a common field that is declared but not required", async () => {
    const doc = passing.replace(
      "      x-cloud-jobs-unknown-job-type: true\n      type: object\n      required: [job_id, job_type, status]",
      "      x-cloud-jobs-unknown-job-type: true\n      type: object\n      required: [job_id]",
    );
    expect(await findings(RULE, doc)).toEqual([
      {
        path: ["components", "schemas", "AcmeUnknownJob"],
        message: "Job schema AcmeUnknownJob MUST require job_type, status.",
      },
    ]);
  });

  it("checks members written inline in the union under their oneOf path", async () => {
    const doc = passing.replace(
      "        - $ref: '#/components/schemas/AcmeDeleteThingJob'\n",
      "        - $ref: '#/components/schemas/AcmeDeleteThingJob'\n        - {type: object, properties: {job_type: {const: moveThing}}}\n",
    );
    expect(await findings(RULE, doc)).toEqual([
      {
        path: ["components", "schemas", "AcmeKnownJob", "oneOf", "2"],
        message: "Job schema components.schemas.AcmeKnownJob.oneOf.2 MUST declare the common job fields; missing: status, entities, job_id, begin_time, end_time, error_code, fail_reason.",
      },
      {
        path: ["components", "schemas", "AcmeKnownJob", "oneOf", "2"],
        message: "Job schema components.schemas.AcmeKnownJob.oneOf.2 MUST require job_id, job_type, status.",
      },
    ]);
  });
});
