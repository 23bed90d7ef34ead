import { describe, expect, it } from "vitest";
import { indexSpec, loadSpec, type Node } from "../spec-index.js";
import { parseWorkedExample, signingDescription, WorkedExampleMismatchError, workedExampleSection } from "./signing.js";

const spec = loadSpec();

describe("the AK/SK worked example", () => {
  it("is read from the AkSkSignature description", () => {
    const ex = parseWorkedExample(signingDescription(spec).example);
    expect(ex.method).toBe("GET");
    expect(ex.path).toMatch(/^\/v1\/[0-9a-f]{32}\/jobs\/[0-9a-f]{32}$/);
    expect(Object.keys(ex.headers).sort()).toEqual(["Host", "X-Project-Id", "X-Sdk-Date"]);
    expect(ex.signature).toMatch(/^[0-9a-f]{64}$/);
  });

  it("is reproduced by the client's signer, step by step", async () => {
    const html = await workedExampleSection(spec);
    const ex = parseWorkedExample(signingDescription(spec).example);
    expect(html).toContain(ex.signature);
    expect(html).toContain(`SignedHeaders=${ex.signedHeaders}`);
    expect(html).toContain("SDK-HMAC-SHA256⏎");
  });

  it("fails the build when the documented signature is not what the signer computes", async () => {
    const doc = structuredClone(spec.doc) as { components: { securitySchemes: { AkSkSignature: { description: string } } } };
    const scheme = doc.components.securitySchemes.AkSkSignature;
    scheme.description = scheme.description.replace(/Signature=[0-9a-f]{64}/, `Signature=${"0".repeat(64)}`);
    await expect(workedExampleSection(indexSpec(doc as unknown as Node))).rejects.toBeInstanceOf(WorkedExampleMismatchError);
  });
});
