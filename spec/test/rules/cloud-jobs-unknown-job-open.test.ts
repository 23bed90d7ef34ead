import { describe, expect, it } from "vitest";
import { findings, openapi } from "./lint.js";

const RULE = "cloud-jobs-unknown-job-open";

/** An unknown-job member whose extra keywords and entities are given by the test. */
function document(memberExtra: string, entities: string): string {
  return openapi(`    AcmeUnknownJob:
      x-cloud-jobs-unknown-job-type: true
      type: object${memberExtra}
      properties:
        job_type: {type: string, not: {enum: [createThing]}}
        entities: {$ref: '#/components/schemas/AcmeLooseEntities'}
    AcmeLooseEntities:
${entities}`);
}

const LOOSE = `      type: object
      properties:
        thing_id: {type: string}
      additionalProperties: true`;

describe(RULE, () => {
  it("reports nothing when the unknown-job member and its entities are open", async () => {
    expect(await findings(RULE, document("", LOOSE))).toEqual([]);
  });

  it("reports a closed unknown-job member", async () => {
    expect(await findings(RULE, document("\n      unevaluatedProperties: false", LOOSE))).toEqual([
      {
        path: ["components", "schemas", "AcmeUnknownJob", "unevaluatedProperties"],
        message: "Unknown-job schema AcmeUnknownJob MUST NOT set unevaluatedProperties: false; undocumented job types carry fields no one listed.",
      },
    ]);
  });

  it("reports closed or demanding entities where they are defined", async () => {
    const entities = `${LOOSE.replace("additionalProperties: true", "additionalProperties: false")}\n      required: [thing_id]`;
    expect(await findings(RULE, document("", entities))).toEqual([
      {
        path: ["components", "schemas", "AcmeLooseEntities", "additionalProperties"],
        message: "entities of unknown-job schema AcmeUnknownJob MUST NOT set additionalProperties: false; undocumented job types carry fields no one listed.",
      },
      {
        path: ["components", "schemas", "AcmeLooseEntities", "required"],
        message: "entities of unknown-job schema AcmeUnknownJob MUST NOT require fields (required: thing_id).",
      },
    ]);
  });
});
