import { describe, expect, it } from "vitest";
import { matchingMembers, openapi, validator } from "./ajv.js";

const services = ["Ecs", "Bms", "Evs", "Vbs"] as const;
const schemas = openapi.components.schemas as Record<string, any>;
const knownTypes = (svc: string) => Object.keys(schemas[`${svc}KnownJob`].discriminator.mapping);

const base = { status: "RUNNING", entities: {}, job_id: "ff8080828d41e1b0019ca25ed0731a01", begin_time: "2026-03-02T09:15:20.115Z", end_time: "" };

describe("undocumented job types", () => {
  it.each(services)("%sJob: a job of a type no document lists validates, as the unknown member", (svc) => {
    const body = { ...base, job_type: "someFutureJobType", entities: { brand_new_field: "x" } };
    expect(validator(`${svc}Job`)(body)).toBe(true);
    expect(validator("Job")(body)).toBe(true);
    expect(matchingMembers(`${svc}Job`, body)).toEqual([`${svc}UnknownJob`]);
  });

  it.each(services)("every known %s job type is excluded from the unknown member", (svc) => {
    const excluded: string[] = schemas[`${svc}UnknownJob`].properties.job_type.not.enum;
    expect([...excluded].sort()).toEqual(knownTypes(svc).sort());
    expect(schemas[`${svc}UnknownJob`]["x-cloud-jobs-unknown-job-type"]).toBe(true);
  });

  it.each(services)("a %s body of a known type matches only the known member", (svc) => {
    for (const jobType of knownTypes(svc)) {
      const body = { ...base, job_type: jobType };
      expect(matchingMembers(`${svc}Job`, body), jobType).toEqual([`${svc}KnownJob`]);
    }
  });

  it("rejects a known job type whose entities are wrong instead of accepting it as unknown", () => {
    const body = { ...base, job_type: "createVolume", entities: { size: "big" } };
    expect(validator("EvsJob")(body)).toBe(false);
  });

  it("accepts unknown sub-job types inside a known job", () => {
    const body = { ...base, job_type: "batchCreateVolume", entities: { sub_jobs: [{ ...base, job_type: "createVolumeV2" }] } };
    expect(validator("EvsJob")(body)).toBe(true);
  });

  it("accepts the unconfirmed bksDeleteBackup as an unknown VBS job", () => {
    expect(matchingMembers("VbsJob", { ...base, job_type: "bksDeleteBackup" })).toEqual(["VbsUnknownJob"]);
  });
});
