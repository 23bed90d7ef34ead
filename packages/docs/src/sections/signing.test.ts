import { describe, expect, it } from "vitest";
import { loadContract } from "../generate.js";
import { parseWorkedExample, signingDescription, WorkedExampleMismatchError, workedExample } from "./signing.js";

const spec = loadContract();

describe("the AK/SK worked example", () => {
  it("is read from the AkSkSignature description", () => {
    const ex = parseWorkedExample(signingDescription(spec).example);
    expect(ex.method).toBe("GET");
    expect(ex.path).toMatch(/^\/v1\/[0-9a-f]{32}\/jobs\/[0-9a-f]{32}$/);
    expect(Object.keys(ex.headers).sort()).toEqual(["Host", "X-Project-Id", "X-Sdk-Date"]);
    expect(ex.signature).toMatch(/^[0-9a-f]{64}$/);
  });

  it("is reproduced by the client's signer, step by step", async () => {
    const html = Object.values(await workedExample(spec)).join("\n");
    const ex = parseWorkedExample(signingDescription(spec).example);
    expect(html).toContain(ex.signature);
    expect(html).toContain(`SignedHeaders=${ex.signedHeaders}`);
    expect(html).toContain("SDK-HMAC-SHA256⏎");
  });

  it("fails the build when the documented signature is not what the signer computes", async () => {
    const doc = structuredClone(spec);
    const scheme = doc.components.securitySchemes.AkSkSignature;
    scheme.description = scheme.description.replace(/Signature=[0-9a-f]{64}/, `Signature=${"0".repeat(64)}`);
    await expect(workedExample(doc)).rejects.toBeInstanceOf(WorkedExampleMismatchError);
  });
});
