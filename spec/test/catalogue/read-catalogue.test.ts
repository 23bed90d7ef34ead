import { readFileSync } from "node:fs";
import { describe, expect, expectTypeOf, it } from "vitest";
import { catalogue, isServiceName, readCatalogue, SERVICE_NAMES, SpecShapeError, type ServiceName } from "../../catalogue/index.js";

const bundle = () => JSON.parse(readFileSync(new URL("../../dist/openapi.json", import.meta.url), "utf8")) as Record<string, any>;

describe("the catalogue of our contract", () => {
  it("is what readCatalogue reads from the bundle, and lists the services in the contract's order", () => {
    expect(readCatalogue(bundle())).toEqual(catalogue);
    expect(SERVICE_NAMES).toEqual(["ecs", "bms", "evs", "vbs"]);
    expectTypeOf<ServiceName>().toEqualTypeOf<"ecs" | "bms" | "evs" | "vbs">();
    expect([isServiceName("evs"), isServiceName("EVS"), isServiceName(undefined)]).toEqual([true, false, false]);
  });

  it("names each service's schemas and statuses", () => {
    expect(catalogue.services.evs).toMatchObject({
      label: "EVS", fullName: "Elastic Volume Service", unionSchema: "EvsJob", knownSchema: "EvsKnownJob", unknownSchema: "EvsUnknownJob", statusSchema: "EvsJobStatus",
      statuses: ["INIT", "RUNNING", "SUCCESS", "FAIL", "WAITING_EXECUTE", "LISTENING"], terminalStatuses: ["SUCCESS", "FAIL"],
    });
    expect(catalogue.services.ecs.statusClouds.PENDING_PAYMENT).toEqual(["huaweicloud"]);
    expect(catalogue.services.vbs.statusDescriptions.FAIL).toMatch(/Terminal/);
  });

  it("knows where each service puts sub-jobs, whether they may be null, and whether it counts them", () => {
    const shape = (s: ServiceName) => {
      const { subJobsAt, subJobsTotal, subJobsNullable, stringEntities } = catalogue.services[s];
      return [subJobsAt, subJobsTotal, subJobsNullable, stringEntities];
    };
    expect(shape("ecs")).toEqual(["entities", true, false, false]);
    expect(shape("bms")).toEqual(["entities", true, true, false]);
    expect(shape("evs")).toEqual(["entities", false, false, false]);
    expect(shape("vbs")).toEqual(["top", false, true, true]);
  });

  it("describes documented job types from their schemas and sub-job types from the examples", () => {
    const { jobTypes, knownJobTypes } = catalogue.services.ecs;
    expect(Object.keys(jobTypes).slice(0, knownJobTypes.length)).toEqual(knownJobTypes);
    expect(jobTypes.createServer).toMatchObject({ schema: "EcsCreateServerJob", levels: ["top"], childType: "createSingleServer", confidence: "documented" });
    expect(jobTypes.createServer?.entities.fields.map(({ name }) => name)).toContain("sub_jobs_total");
    expect(jobTypes.createServer?.entities.fields.find(({ name }) => name === "server_id")?.type).toBe("string (uuid)");
    expect(catalogue.services.evs.jobTypes.bulkDeleteVolume?.childType).toBe("deleteSingleVolume");
    expect(catalogue.services.vbs.jobTypes.bksRestoreBackup?.childType).toBe("bksRestoreVolume");
    expect(catalogue.services.vbs.jobTypes.bksRestoreVolume).toMatchObject({ levels: ["sub"] });
    expect(catalogue.services.vbs.jobTypes.bksRestoreVolume).not.toHaveProperty("schema");
    expect(catalogue.services.ecs.candidateJobTypes).toContain("deleteNic");
  });

  it("takes each service's failure from its FAIL example", () => {
    expect(catalogue.services.ecs.failure.errorCode).toBe("Ecs.0204");
    expect(catalogue.services.ecs.failure.errorcodeMessage).toMatch(/^\{"forbidden"/);
    expect(catalogue.services.vbs.failure).toEqual({ errorCode: "VolumeBackup.0064", failReason: expect.any(String) });
  });

  it("lists the error responses with their codes, envelopes, services, retryability and throttling codes", () => {
    // 202 is ECS's flow-control answer (Common.0024): a success status whose body is an error, not a job.
    expect(catalogue.retryableStatuses).toEqual([202, 429, 502, 503, 504]);
    expect(catalogue.throttlingCodes).toEqual(["Common.0024", "Common.1503", "APIGW.0308"]);
    expect(catalogue.errors.find(({ status }) => status === 202)).toMatchObject({ name: "FlowLimitAccepted", throttlingCodes: ["Common.0024"] });
    expect(catalogue.errors.map(({ status }) => status)).not.toContain(200);
    const badRequest = catalogue.errors.find(({ status }) => status === 400);
    expect(badRequest).toMatchObject({ name: "BadRequest", retryable: false });
    expect(badRequest?.examples.find(({ name }) => name === "common0011Vbs")).toMatchObject({ envelope: "nested", code: "common.0011", services: ["vbs"] });
    const tooMany = catalogue.errors.find(({ status }) => status === 429);
    expect(tooMany?.headers).toHaveProperty("Retry-After");
    expect(tooMany?.examples.find(({ code }) => code === "APIGW.0308")).toMatchObject({ envelope: "gateway", services: SERVICE_NAMES });
    expect(catalogue.errors.find(({ status }) => status === 502)?.html).toMatch(/<html/i);
    expect(catalogue.errorEnvelopes.map(({ name, envelope }) => [name, envelope])).toEqual([
      ["NestedErrorBody", "nested"],
      ["FlatErrorBody", "flat"],
      ["GatewayErrorBody", "gateway"],
    ]);
  });

  it("describes each security scheme", () => {
    expect(Object.keys(catalogue.securitySchemes)).toEqual(["IamToken", "AkSkSignature"]);
    expect(catalogue.securitySchemes.AkSkSignature).toMatch(/Worked example/);
  });

  it("groups the documented disagreements by number, every site with its sources", () => {
    expect(catalogue.disagreements.map(({ id }) => id)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const statuses = catalogue.disagreements.find(({ id }) => id === 9);
    expect(statuses?.sites.map(({ pointer }) => pointer)).toContain("#/components/schemas/EcsJobStatus");
    expect(statuses?.sites[0]?.sources.length).toBeGreaterThan(0);
  });
});

describe("readCatalogue on another document", () => {
  it("finds the services by structure, not by our schema names", () => {
    const doc = {
      openapi: "3.1.0",
      paths: {},
      components: {
        schemas: {
          AcmeJob: { oneOf: [{ $ref: "#/components/schemas/AcmeKnown" }, { $ref: "#/components/schemas/AcmeOther" }] },
          AcmeKnown: {
            oneOf: [{ $ref: "#/components/schemas/AcmeMake" }],
            discriminator: { propertyName: "job_type", mapping: { make: "#/components/schemas/AcmeMake" } },
          },
          AcmeMake: {
            properties: { job_type: { const: "make" }, status: { $ref: "#/components/schemas/AcmeState" } },
            examples: [{ job_type: "make", status: "FAIL", error_code: "Acme.1", fail_reason: "no" }],
          },
          AcmeOther: { "x-cloud-jobs-unknown-job-type": true, properties: { status: { $ref: "#/components/schemas/AcmeState" } } },
          AcmeState: { enum: ["NEW", "DONE"], "x-enumDescriptions": { NEW: "Not terminal.", DONE: "Terminal." } },
        },
      },
    };
    const read = readCatalogue(doc);
    expect(Object.keys(read.services)).toEqual(["acme"]);
    expect(read.services.acme).toMatchObject({ knownJobTypes: ["make"], unknownSchema: "AcmeOther", statuses: ["NEW", "DONE"], terminalStatuses: ["DONE"] });
    expect(read.services.acme?.failure).toEqual({ errorCode: "Acme.1", failReason: "no" });
  });

  it("fails with the location when the document lacks a part it needs", () => {
    const doc = bundle();
    delete doc.components.schemas.EvsJobStatus;
    expect(() => readCatalogue(doc)).toThrow(SpecShapeError);
    expect(() => readCatalogue(doc)).toThrow("components.schemas.EvsUnknownJob.properties.status: no status enum");
    expect(() => readCatalogue({ openapi: "3.1.0", paths: {} })).toThrow(/no anyOf or oneOf that contains a union discriminated on job_type/);
  });
});
