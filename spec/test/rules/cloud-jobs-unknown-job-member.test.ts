import { describe, expect, it } from "vitest";
import { findings, knownUnion, openapi } from "./lint.js";

const RULE = "cloud-jobs-unknown-job-member";

/** A service union AcmeJob = oneOf [AcmeKnownJob, members…], plus the schemas given. */
function document(serviceMembers: string, schemas: string): string {
  return openapi(`    AcmeJob:
      oneOf:
        - $ref: '#/components/schemas/AcmeKnownJob'${serviceMembers}
${knownUnion(["createThing", "deleteThing"], { members: true })}
${schemas}`);
}

const UNKNOWN_MEMBER = "\n        - $ref: '#/components/schemas/AcmeUnknownJob'";
const unknownJob = (jobType: string) => `    AcmeUnknownJob:
      x-cloud-jobs-unknown-job-type: true
      type: object
      properties:
        job_type: ${jobType}
`;

describe(RULE, () => {
  it("reports nothing when the marked member excludes exactly the known job types", async () => {
    const doc = document(UNKNOWN_MEMBER, unknownJob("{type: string, not: {enum: [deleteThing, createThing]}}"));
    expect(await findings(RULE, doc)).toEqual([]);
  });

  it("accepts the exclusion written inside an allOf of job_type", async () => {
    const doc = document(UNKNOWN_MEMBER, unknownJob("{allOf: [{type: string}, {not: {enum: [createThing, deleteThing]}}]}"));
    expect(await findings(RULE, doc)).toEqual([]);
  });

  it("reports a service union without an unknown-job member", async () => {
    expect(await findings(RULE, document("", ""))).toEqual([
      {
        path: ["components", "schemas", "AcmeJob", "oneOf"],
        message: "Job union AcmeJob MUST have exactly one member marked x-cloud-jobs-unknown-job-type: true (found 0).",
      },
    ]);
  });

  it("reports a not.enum that misses a known type and lists an unknown one", async () => {
    const doc = document(UNKNOWN_MEMBER, unknownJob("{type: string, not: {enum: [createThing, moveThing]}}"));
    expect(await findings(RULE, doc)).toEqual([
      {
        path: ["components", "schemas", "AcmeUnknownJob", "properties", "job_type", "not", "enum"],
        message: "job_type.not.enum of AcmeUnknownJob MUST list exactly the known job types of AcmeJob; missing deleteThing; not known moveThing.",
      },
    ]);
  });

  it("reports an unknown-job member whose job_type excludes nothing", async () => {
    const doc = document(UNKNOWN_MEMBER, unknownJob("{type: string}"));
    expect(await findings(RULE, doc)).toEqual([
      {
        path: ["components", "schemas", "AcmeUnknownJob", "properties", "job_type"],
        message: "Unknown-job schema AcmeUnknownJob MUST exclude the known job types of AcmeJob with job_type.not.enum.",
      },
    ]);
  });

  it("reports a marked schema that is not a member of any job union", async () => {
    const doc = document("\n        - {x-cloud-jobs-unknown-job-type: true, properties: {job_type: {not: {enum: [createThing, deleteThing]}}}}", unknownJob("{type: string, not: {enum: [createThing, deleteThing]}}"));
    expect(await findings(RULE, doc)).toEqual([
      {
        path: ["components", "schemas", "AcmeUnknownJob", "x-cloud-jobs-unknown-job-type"],
        message: "Unknown-job schema AcmeUnknownJob MUST be a member of a job union beside a discriminated known-job union.",
      },
    ]);
  });

  it("reports two unknown-job members in one union", async () => {
    const doc = document(`${UNKNOWN_MEMBER}${UNKNOWN_MEMBER.replace("AcmeUnknownJob", "AcmeOtherUnknownJob")}`, [
      unknownJob("{not: {enum: [createThing, deleteThing]}}"),
      unknownJob("{not: {enum: [createThing, deleteThing]}}").replace("AcmeUnknownJob", "AcmeOtherUnknownJob"),
    ].join(""));
    expect(await findings(RULE, doc)).toEqual([
      {
        path: ["components", "schemas", "AcmeJob", "oneOf"],
        message: "Job union AcmeJob MUST have exactly one member marked x-cloud-jobs-unknown-job-type: true (found 2).",
      },
    ]);
  });
});
