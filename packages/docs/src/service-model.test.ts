import { describe, expect, it } from "vitest";
import { disagreementsOf } from "./disagreement-model.js";
import { errorStatusesOf } from "./error-model.js";
import { servicesOf } from "./service-model.js";
import { indexSpec, isNode, loadSpec, SpecShapeError, type Node } from "./spec-index.js";

const spec = loadSpec();
const services = servicesOf(spec);

describe("servicesOf", () => {
  it("finds the four service unions of Job, in order", () => {
    expect(services.map((s) => s.unionName)).toEqual(["EcsJob", "BmsJob", "EvsJob", "VbsJob"]);
    expect(services.map((s) => s.key)).toEqual(["ecs", "bms", "evs", "vbs"]);
  });

  it("lists exactly the job types of each known union's discriminator mapping", () => {
    for (const svc of services) {
      const known = spec.schema(svc.knownName);
      const mapping = isNode(known.discriminator) && isNode(known.discriminator.mapping) ? known.discriminator.mapping : {};
      expect(svc.jobTypes.map((jt) => jt.jobType).sort(), svc.label).toEqual(Object.keys(mapping).sort());
    }
  });

  it("reads where sub-jobs live and which services send sub_jobs_total", () => {
    expect(services.map((s) => [s.key, s.subJobsAt, s.hasSubJobsTotal])).toEqual([
      ["ecs", "entities.sub_jobs", true],
      ["bms", "entities.sub_jobs", true],
      ["evs", "entities.sub_jobs", false],
      ["vbs", "sub_jobs", false],
    ]);
  });

  it("marks SUCCESS and FAIL, and only them, as terminal", () => {
    for (const svc of services) {
      expect(svc.statuses.filter((s) => s.terminal).map((s) => s.value), svc.label).toEqual(["SUCCESS", "FAIL"]);
    }
  });

  it("says which cloud documents each status", () => {
    const evs = services.find((s) => s.key === "evs");
    expect(evs?.statuses.find((s) => s.value === "LISTENING")?.clouds).toEqual(["huaweicloud"]);
    expect(evs?.statuses.find((s) => s.value === "RUNNING")?.clouds).toEqual(["otc", "huaweicloud"]);
  });

  it("fails with the pointer when a union lost its unknown member", () => {
    const doc = structuredClone(spec.doc) as { components: { schemas: Record<string, Node> } };
    doc.components.schemas.EvsJob = { oneOf: [{ $ref: "#/components/schemas/EvsKnownJob" }] };
    expect(() => servicesOf(indexSpec(doc as unknown as Node))).toThrow(SpecShapeError);
    expect(() => servicesOf(indexSpec(doc as unknown as Node))).toThrow("#/components/schemas/EvsJob");
  });
});

describe("disagreementsOf", () => {
  it("finds all twenty disagreements of job-api-facts.md section 10, each with a resolution", () => {
    const all = disagreementsOf(spec.doc);
    expect(all.map((d) => d.id)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    for (const d of all) for (const site of d.sites) expect(site.resolution.length, `#${d.id}`).toBeGreaterThan(0);
  });
});

describe("errorStatusesOf", () => {
  it("reads every error status with its retryable flag and codes", () => {
    const statuses = errorStatusesOf(spec);
    expect(statuses.map((s) => s.status)).toEqual(["400", "401", "403", "404", "429", "500", "502", "503", "504"]);
    expect(statuses.filter((s) => s.retryable).map((s) => s.status)).toEqual(["429", "502", "503", "504"]);
    expect(statuses.find((s) => s.status === "400")?.examples.map((e) => e.code)).toContain("common.0011");
    expect(statuses.find((s) => s.status === "429")?.examples.map((e) => e.envelope)).toContain("GatewayErrorBody");
  });
});
