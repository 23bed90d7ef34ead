import { describe, expect, it } from "vitest";
import { signRequest } from "@cloud-jobs/client/signer";
import { parseAuthorization, verifySignature } from "../src/verify-signature.js";

const url = "https://evs.eu-de.otc.t-systems.com/v1/0605768a6f80d5762f52c0150e726aa7/jobs/ff80808288d41e1b018990260955686a";
const credentials = { accessKey: "EXAMPLEAKEXAMPLEAK00", secretKey: "exampleSecretKeyexampleSecretKey00000000" };
const now = () => new Date("2024-01-02T03:04:05Z");
const secretKeyFor = (ak: string) => (ak === credentials.accessKey ? credentials.secretKey : undefined);

async function signedHeaders(extra: Record<string, string> = {}): Promise<Record<string, string>> {
  const base = { host: "evs.eu-de.otc.t-systems.com", "x-project-id": "0605768a6f80d5762f52c0150e726aa7", ...extra };
  const signed = await signRequest({ method: "GET", url, headers: base }, credentials, { now });
  // As node:http shows them: lower-case names, plus headers fetch adds that were not signed.
  return Object.fromEntries(
    Object.entries({ ...base, ...signed.headers, "user-agent": "node", "accept-encoding": "gzip" }).map(([k, v]) => [
      k.toLowerCase(),
      v,
    ]),
  );
}

describe("verifySignature", () => {
  it("accepts a request signed by signRequest, as node:http receives it", async () => {
    expect(await verifySignature({ method: "GET", url, headers: await signedHeaders() }, secretKeyFor, { now })).toEqual({
      ok: true,
      accessKey: credentials.accessKey,
    });
  });

  it("refuses a request whose path was changed after signing", async () => {
    const result = await verifySignature(
      { method: "GET", url: url.replace(/jobs\/ff/, "jobs/ee"), headers: await signedHeaders() },
      secretKeyFor,
      { now },
    );
    expect(result).toMatchObject({ ok: false, reason: "bad-signature" });
  });

  it("refuses a request whose signed header was changed", async () => {
    const headers = { ...(await signedHeaders()), "x-project-id": "17fbda95add24720a4038ba4b1c705ed" };
    expect(await verifySignature({ method: "GET", url, headers }, secretKeyFor, { now })).toMatchObject({
      reason: "bad-signature",
    });
  });

  it("refuses an unknown access key, a missing header and a stale X-Sdk-Date", async () => {
    const headers = await signedHeaders();
    expect(await verifySignature({ method: "GET", url, headers }, () => undefined, { now })).toMatchObject({
      reason: "unknown-access-key",
    });
    const { "x-project-id": _dropped, ...withoutProject } = headers;
    expect(await verifySignature({ method: "GET", url, headers: withoutProject }, secretKeyFor, { now })).toMatchObject({
      reason: "missing-signed-header",
    });
    const later = () => new Date("2024-01-02T03:20:06Z");
    expect(await verifySignature({ method: "GET", url, headers }, secretKeyFor, { now: later })).toMatchObject({
      reason: "expired",
    });
    expect(await verifySignature({ method: "GET", url, headers: {} }, secretKeyFor, { now })).toMatchObject({
      reason: "missing-authorization",
    });
  });
});

describe("parseAuthorization", () => {
  it("splits the header into access key, signed headers and signature", () => {
    expect(
      parseAuthorization(`SDK-HMAC-SHA256 Access=AK1, SignedHeaders=host;x-sdk-date, Signature=${"a".repeat(64)}`),
    ).toEqual({ accessKey: "AK1", signedHeaders: ["host", "x-sdk-date"], signature: "a".repeat(64) });
  });

  it("returns undefined for another scheme", () => {
    expect(parseAuthorization("Bearer abc")).toBeUndefined();
    expect(parseAuthorization(undefined)).toBeUndefined();
  });
});
