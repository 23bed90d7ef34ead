import { describe, expect, it } from "vitest";
import { findings, knownUnion, openapi } from "./lint.js";

const RULE = "cloud-jobs-status-described";

/** A named status schema, plus one job type whose `status` is given by the test. */
function document(statusSchema: string, jobStatus = "{$ref: '#/components/schemas/AcmeJobStatus'}"): string {
  return openapi(`    AcmeJobStatus:
${statusSchema}
${knownUnion(["createThing"])}
    AcmeCreateThingJob:
      properties:
        job_type: {const: createThing}
        status: ${jobStatus}`);
}

const DESCRIBED = `      type: string
      enum: [RUNNING, SUCCESS, FAIL]
      x-enumDescriptions:
        RUNNING: The job is running.
        SUCCESS: The job succeeded.
        FAIL: The job failed; see error_code and fail_reason.`;

describe(RULE, () => {
  it("reports nothing when every status value is described", async () => {
    expect(await findings(RULE, document(DESCRIBED))).toEqual([]);
  });

  it("accepts a status written as anyOf of a described enum and an open string", async () => {
    const doc = document(DESCRIBED, "{anyOf: [{$ref: '#/components/schemas/AcmeJobStatus'}, {type: string}]}");
    expect(await findings(RULE, doc)).toEqual([]);
  });

  it("reports each value of a …JobStatus schema without a description", async () => {
    const doc = document(DESCRIBED.replace("        SUCCESS: The job succeeded.\n", "        SUCCESS: '  '\n"));
    expect(await findings(RULE, doc)).toEqual([
      {
        path: ["components", "schemas", "AcmeJobStatus", "enum", "1"],
        message: "Job status SUCCESS of AcmeJobStatus MUST be described in x-enumDescriptions.",
      },
    ]);
  });

  it("reports an enum without x-enumDescriptions on the status property of a job schema", async () => {
    const doc = document(DESCRIBED, "{type: string, enum: [RUNNING, LISTENING]}");
    expect(await findings(RULE, doc)).toEqual([
      {
        path: ["components", "schemas", "AcmeCreateThingJob", "properties", "status", "enum", "0"],
        message: "Job status RUNNING of components.schemas.AcmeCreateThingJob.properties.status MUST be described in x-enumDescriptions.",
      },
      {
        path: ["components", "schemas", "AcmeCreateThingJob", "properties", "status", "enum", "1"],
        message: "Job status LISTENING of components.schemas.AcmeCreateThingJob.properties.status MUST be described in x-enumDescriptions.",
      },
    ]);
  });

  it("reports a description of a value the enum does not have", async () => {
    const doc = document(`${DESCRIBED}\n        PENDING: Waiting.`);
    expect(await findings(RULE, doc)).toEqual([
      {
        path: ["components", "schemas", "AcmeJobStatus", "x-enumDescriptions", "PENDING"],
        message: "x-enumDescriptions of AcmeJobStatus describes PENDING, which MUST be a value of its enum.",
      },
    ]);
  });
});
