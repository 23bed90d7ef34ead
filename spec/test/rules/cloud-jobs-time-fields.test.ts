import { describe, expect, it } from "vitest";
import { findings, knownUnion, openapi } from "./lint.js";

const RULE = "cloud-jobs-time-fields";

/** One job type whose time fields refer to AcmeJobTime, given by the test. */
function document(jobTime: string, endTime = "{$ref: '#/components/schemas/AcmeJobTime'}", version = "3.1.0"): string {
  return openapi(`    AcmeJobTime:
${jobTime}
${knownUnion(["createThing"])}
    AcmeCreateThingJob:
      properties:
        job_type: {const: createThing}
        begin_time: {$ref: '#/components/schemas/AcmeJobTime'}
        end_time: ${endTime}`, { version });
}

const JOB_TIME = `      anyOf:
        - {type: string, format: date-time}
        - {const: ""}`;

describe(RULE, () => {
  it("reports nothing when the time fields accept a date-time and an empty string, and reject null", async () => {
    expect(await findings(RULE, document(JOB_TIME))).toEqual([]);
  });

  it("accepts any equivalent way of writing it (type list plus a pattern)", async () => {
    const inline = "{type: string, pattern: '^$|^\\d{4}-\\d\\d-\\d\\dT'}";
    expect(await findings(RULE, document(JOB_TIME, inline))).toEqual([]);
  });

  it("reports, once and where it is defined, a shared time schema that rejects \"\" and accepts null", async () => {
    const doc = document("      type: [string, 'null']\n      format: date-time");
    expect(await findings(RULE, doc)).toEqual([
      { path: ["components", "schemas", "AcmeJobTime"], message: 'begin_time MUST accept "" (sent while the job runs).' },
      { path: ["components", "schemas", "AcmeJobTime"], message: "begin_time MUST reject null (no source sends it; leave the field out instead)." },
    ]);
  });

  it("reports an inline time field that accepts any string", async () => {
    const doc = document(JOB_TIME, "{type: string}");
    expect(await findings(RULE, doc)).toEqual([
      {
        path: ["components", "schemas", "AcmeCreateThingJob", "properties", "end_time"],
        message: 'end_time MUST reject a string that is not a date-time, such as "yesterday".',
      },
    ]);
  });

  it("reports a time field that rejects a date-time", async () => {
    const doc = document(JOB_TIME, "{anyOf: [{type: string, format: date}, {const: ''}]}");
    expect(await findings(RULE, doc)).toEqual([
      {
        path: ["components", "schemas", "AcmeCreateThingJob", "properties", "end_time"],
        message: "end_time MUST accept an ISO 8601 date-time such as 2024-05-06T07:08:09Z.",
      },
    ]);
  });

  it("does not run on OpenAPI 3.0 documents, whose nullable it cannot read", async () => {
    const doc = document("      type: string\n      format: date-time\n      nullable: true", undefined, "3.0.3");
    expect(await findings(RULE, doc)).toEqual([]);
  });
});
