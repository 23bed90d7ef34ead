import { describe, expect, it } from "vitest";
import { findings, openapi } from "./lint.js";

const RULE = "cloud-jobs-enum-extensibility";
const document = (status: string, marker: string, extra = "") => openapi(`    AcmeJobStatus:
      type: string
      ${marker}
      enum: [RUNNING, SUCCESS, FAIL]
    UnlistedStatus: {type: string, minLength: 1}
    AcmeJob:
      type: object
      properties:
        status: ${status}
        job_type: {type: string, not: {enum: [a, b]}}
${extra}`);
const OPEN = "{anyOf: [{$ref: '#/components/schemas/AcmeJobStatus'}, {$ref: '#/components/schemas/UnlistedStatus'}]}";
const CLOSED = "{$ref: '#/components/schemas/AcmeJobStatus'}";

describe(RULE, () => {
  it("reports nothing for an extensible enum beside an open string, or a closed enum used alone (exclusions under not are no enums)", async () => {
    expect(await findings(RULE, document(OPEN, "x-cloud-jobs-enum: extensible"))).toEqual([]);
    expect(await findings(RULE, document(CLOSED, "x-cloud-jobs-enum: closed"))).toEqual([]);
  });

  it("reports an enum that does not say whether it is closed or extensible", async () => {
    expect(await findings(RULE, document(CLOSED, "description: No marker."))).toEqual([
      { path: ["components", "schemas", "AcmeJobStatus"], message: "Enum AcmeJobStatus MUST say whether it is closed or extensible in x-cloud-jobs-enum." },
    ]);
  });

  it("reports an extensible enum used without an open string, and a closed one used beside one", async () => {
    const sub = "        sub_status: {$ref: '#/components/schemas/AcmeJobStatus'}";
    expect(await findings(RULE, document(OPEN, "x-cloud-jobs-enum: extensible", sub))).toEqual([
      { path: ["components", "schemas", "AcmeJob", "properties", "sub_status"], message: "Extensible enum AcmeJobStatus MUST be used as an anyOf member beside an open string, so unlisted values validate." },
    ]);
    expect(await findings(RULE, document(OPEN, "x-cloud-jobs-enum: closed"))).toEqual([
      { path: ["components", "schemas", "AcmeJob", "properties", "status", "anyOf", "0"], message: "Closed enum AcmeJobStatus is used beside an open string: it MUST be marked extensible." },
    ]);
  });
});
