import { describe, expect, it } from "vitest";
import { findings, knownUnion, openapi } from "./lint.js";

const RULE = "cloud-jobs-sub-jobs-are-jobs";

/** A service union with one job type whose entities and top level are given by the test. */
function document(entities: string, topLevel = ""): string {
  return openapi(`    AcmeJob:
      oneOf:
        - $ref: '#/components/schemas/AcmeKnownJob'
${knownUnion(["createThing"])}
    AcmeCreateThingJob:
      properties:
        job_type: {const: createThing}
        entities: {$ref: '#/components/schemas/AcmeEntities'}${topLevel}
    AcmeEntities:
      type: object
      properties:
${entities}`);
}

describe(RULE, () => {
  it("reports nothing when entities.sub_jobs items refer to the service union", async () => {
    const doc = document("        sub_jobs: {type: array, items: {$ref: '#/components/schemas/AcmeJob'}}");
    expect(await findings(RULE, doc)).toEqual([]);
  });

  it("reports nothing for top-level sub_jobs whose items are any job (VBS style)", async () => {
    const doc = document("        thing_id: {type: string}", "\n        sub_jobs: {type: array, items: {anyOf: [{$ref: '#/components/schemas/AcmeCreateThingJob'}]}}");
    expect(await findings(RULE, doc)).toEqual([]);
  });

  it("reports sub_jobs whose items are a copy of a job rather than a reference to one", async () => {
    const doc = document("        sub_jobs:\n          type: array\n          items: {type: object, properties: {job_id: {type: string}, status: {type: string}}}");
    expect(await findings(RULE, doc)).toEqual([
      {
        path: ["components", "schemas", "AcmeEntities", "properties", "sub_jobs", "items"],
        message: "sub_jobs of AcmeCreateThingJob MUST be an array whose items refer to a job union (a sub-job is a job).",
      },
    ]);
  });

  it("reports sub_jobs without items", async () => {
    const doc = document("        thing_id: {type: string}", "\n        sub_jobs: {type: array}");
    expect(await findings(RULE, doc)).toEqual([
      {
        path: ["components", "schemas", "AcmeCreateThingJob", "properties", "sub_jobs"],
        message: "sub_jobs of AcmeCreateThingJob MUST be an array whose items refer to a job union (a sub-job is a job).",
      },
    ]);
  });
});
