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

describe("statuses no source lists (UnlistedJobStatus: the job has not finished)", () => {
  it.each(services)("%sJob accepts an unlisted status, at the top and in sub-jobs, and the documented ones", (svc) => {
    const statuses: string[] = schemas[`${svc}JobStatus`].enum;
    for (const status of [...statuses, "QUEUED", "LISTENING", "PENDING_PAYMENT", "success"]) {
      expect(validator(`${svc}Job`)({ ...base, job_type: "someFutureJobType", status }), status).toBe(true);
      expect(validator(`${svc}Job`)({ ...base, job_type: knownTypes(svc)[0], status }), status).toBe(true);
    }
  });

  it.each(services)("every %s job schema's status is its documented enum (marked extensible) or UnlistedJobStatus", (svc) => {
    expect(schemas[`${svc}JobStatus`]["x-cloud-jobs-enum"]).toBe("extensible");
    const members = [...Object.values(schemas[`${svc}KnownJob`].discriminator.mapping), `#/components/schemas/${svc}UnknownJob`];
    for (const ref of members as string[]) {
      expect(schemas[ref.split("/").pop()!].properties.status, ref).toEqual({
        anyOf: [{ $ref: `#/components/schemas/${svc}JobStatus` }, { $ref: "#/components/schemas/UnlistedJobStatus" }],
      });
    }
  });
});

describe("the unions compile where first-match generators and discriminator-aware validators need them", () => {
  it("each service union is an anyOf, known member first", () => {
    for (const svc of services) expect(schemas[`${svc}Job`].anyOf.map((m: { $ref: string }) => m.$ref.split("/").pop())).toEqual([`${svc}KnownJob`, `${svc}UnknownJob`]);
  });

  it("Ajv with discriminator: true compiles the bundle once the mappings (which repeat the consts) are dropped, and still routes unknown types", async () => {
    const { Ajv2020 } = await import("ajv/dist/2020.js");
    const addFormats = (await import("ajv-formats")).default as unknown as (ajv: unknown) => void;
    const doc = structuredClone(openapi);
    for (const schema of Object.values(doc.components.schemas) as Array<Record<string, any>>) delete schema.discriminator?.mapping;
    const ajv = new Ajv2020({ discriminator: true, strict: false });
    addFormats(ajv);
    ajv.addSchema(doc, "bundle");
    const job = ajv.compile({ $ref: "bundle#/components/schemas/Job" });
    const evsJob = ajv.compile({ $ref: "bundle#/components/schemas/EvsJob" });
    for (const validate of [job, evsJob]) {
      expect(validate({ ...base, job_type: "createVolume", entities: { volume_id: "0b549095-4937-4849-8e4c-52aa027d64f7" } })).toBe(true);
      expect(validate({ ...base, job_type: "someFutureJobType" })).toBe(true);
    }
    expect(evsJob({ ...base, job_type: "createVolume", entities: { size: "big" } })).toBe(false);
    // With the mapping kept, Ajv refuses to compile: what spec/README.md says.
    const strictAjv = new Ajv2020({ discriminator: true, strict: false });
    strictAjv.addSchema(structuredClone(openapi), "bundle");
    expect(() => strictAjv.compile({ $ref: "bundle#/components/schemas/EvsKnownJob" })).toThrow("discriminator: mapping is not supported");
  });
});
