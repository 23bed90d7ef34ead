import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { canonicalQueryString, canonicalRequest, signedHeaderNames, stringToSign } from "./signer.js";
import { compareCodePoints, percentEncode } from "./signer.js";
import { defaultHashes, nodeCryptoHashes, webCryptoHashes, type Hashes } from "./signer.js";
import { formatSdkDate, signRequestWith, type AkSkCredentials, type SignableRequest } from "./signer.js";

const nodeHashes = nodeCryptoHashes();
// Every vector runs through both digests: node:crypto (Node, Bun, Deno) and Web Crypto (browsers).
const IMPLEMENTATIONS: [string, Hashes][] = [
  ["node:crypto", nodeHashes as Hashes],
  ["Web Crypto", webCryptoHashes],
];

describe("digest choice", () => {
  it("uses node:crypto where process.getBuiltinModule exists, and Web Crypto where it does not", () => {
    expect(nodeHashes).toBeDefined();
    expect(defaultHashes()).not.toBe(webCryptoHashes);
    const host = process as { getBuiltinModule?: unknown };
    const saved = host.getBuiltinModule;
    host.getBuiltinModule = undefined;
    try {
      expect(nodeCryptoHashes()).toBeUndefined();
    } finally {
      host.getBuiltinModule = saved;
    }
  });
});

describe.each(IMPLEMENTATIONS)("signRequest with %s", (_name, hashes) => {
  const signRequest = (request: SignableRequest, credentials: AkSkCredentials, options?: { now?: () => Date }) =>
    signRequestWith(hashes, request, credentials, options);

  it("reproduces huaweicloud-sdk-go-v3 signer_test.go test1 (underscore header excluded)", async () => {
    const signed = await signRequest(
      {
        method: "GET",
        url: "https://example.huaweicloud.com/path?limit=1",
        headers: { "X-Sdk-Date": "20060102T150405Z", TEST_UNDERSCORE: "TEST_VALUE" },
      },
      { accessKey: "AccessKey", secretKey: "SecretKey" },
    );
    expect(signed.authorization).toBe(
      "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, " +
        "Signature=5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624",
    );
    // The date came from the caller, so it is not added again.
    expect(signed.headers).toEqual({ Authorization: signed.authorization });
  });

  it("reproduces huaweicloud-sdk-go-v3 signer_test.go test2 (JSON body hashed, content-type excluded)", async () => {
    const signed = await signRequest(
      {
        method: "POST",
        url: "https://example.huaweicloud.com/path?key=value",
        headers: { "X-Sdk-Date": "20060102T150405Z", TEST_UNDERSCORE: "TEST_VALUE", "Content-Type": "application/json" },
        // Go's json.Encoder ends the body with a newline, and the SDK hashes exactly those bytes.
        body: '{"Name":"test","Id":1}\n',
      },
      { accessKey: "AccessKey", secretKey: "SecretKey" },
    );
    expect(signed.authorization).toBe(
      "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, " +
        "Signature=cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59",
    );
  });

  it("reproduces the AUTHORED vector for GET /v1/{project_id}/jobs/{job_id}", async () => {
    const projectId = "0605768a6f80d5762f52c0150e726aa7";
    const signed = await signRequest(
      {
        method: "GET",
        url: `https://ecs.eu-de.otc.t-systems.com/v1/${projectId}/jobs/ff80808288d41e1b018990260955686a`,
        headers: {
          Host: "ecs.eu-de.otc.t-systems.com",
          "X-Project-Id": projectId,
          "Content-Type": "application/json",
        },
      },
      { accessKey: "EXAMPLEAKEXAMPLEAK00", secretKey: "exampleSecretKeyexampleSecretKey00000000" },
      { now: () => new Date("2024-01-02T03:04:05.678Z") },
    );
    expect(signed.signedHeaders).toEqual(["host", "x-project-id", "x-sdk-date"]);
    expect(signed.canonicalRequest.split("\n")[1]).toBe(`/v1/${projectId}/jobs/ff80808288d41e1b018990260955686a/`);
    expect(await hashes.sha256Hex(signed.canonicalRequest)).toBe(
      "213ccb4e186ce7897407148f22f3567d477360b5942f89979601baff20d997d1",
    );
    expect(signed.signature).toBe("493b6756c664fa211cc9f8fd685d66c143dbb99680333c355bc2c43fb3796ca0");
    expect(signed.headers["X-Sdk-Date"]).toBe("20240102T030405Z");
  });

  it("signs X-Security-Token when temporary credentials are used", async () => {
    const request = { method: "GET", url: "https://evs.eu-nl.otc.t-systems.com/v1/p/jobs/j", headers: {} };
    const credentials = { accessKey: "AK", secretKey: "SK-secret" };
    const now = () => new Date(0);
    const withToken = await signRequest(request, { ...credentials, securityToken: "sts-token" }, { now });
    const without = await signRequest(request, credentials, { now });
    expect(withToken.signedHeaders).toEqual(["x-sdk-date", "x-security-token"]);
    expect(withToken.headers["X-Security-Token"]).toBe("sts-token");
    expect(withToken.signature).not.toBe(without.signature);
  });

  it("rejects an empty secret key and a malformed X-Sdk-Date before hashing anything", async () => {
    const request = { method: "GET", url: "https://h/x", headers: {} };
    await expect(signRequest(request, { accessKey: "AK", secretKey: "" })).rejects.toMatchObject({
      name: "InvalidArgumentError",
      argument: "secretKey",
    });
    await expect(
      signRequest({ ...request, headers: { "X-Sdk-Date": "2024-01-02" } }, { accessKey: "AK", secretKey: "SK" }),
    ).rejects.toMatchObject({ argument: "X-Sdk-Date" });
  });
});

describe("canonical request parts", () => {
  it.each(IMPLEMENTATIONS)("reproduces Huawei's documented example (content-type signed there on purpose), %s", async (_name, hashes) => {
    // support.huaweicloud.com devg-apisign api-sign-algorithm-003/-004: the doc signs content-type,
    // so the pure functions are given the header list explicitly.
    const headers = {
      "Content-Type": "application/json",
      Host: "service.region.example.com",
      "X-Sdk-Date": "20191115T033655Z",
    };
    const canonical = canonicalRequest({
      method: "GET",
      url: "https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0",
      headers,
      signedHeaders: ["content-type", "host", "x-sdk-date"],
      payloadHash: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    });
    const hash = await hashes.sha256Hex(canonical);
    expect(hash).toBe("b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a");
    expect(await hashes.hmacSha256Hex("MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc", stringToSign("20191115T033655Z", hash))).toBe(
      "7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe",
    );
  });

  it("encodes the query like the Go SDK's canonicalQueryString test", () => {
    const query = new URLSearchParams();
    query.append("limit", "1");
    query.append("enable", "true");
    query.append("test", "一 (&=?!#%.*)");
    query.append("path", "/tmp/123");
    for (const v of ["3", "1", "2"]) query.append("multi", v);
    expect(canonicalQueryString(query)).toBe(
      "enable=true&limit=1&multi=1&multi=2&multi=3&path=%2Ftmp%2F123&test=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29",
    );
  });

  it("excludes content-type* and underscore names and sorts the rest lower-cased", () => {
    expect(
      signedHeaderNames({ "X-B": "1", "x-a": "2", "Content-Type": "j", "content-type-x": "k", A_B: "3", Host: "h" }),
    ).toEqual(["host", "x-a", "x-b"]);
  });

  it("percent-encodes bytes outside the unreserved set with upper-case hex", () => {
    expect(percentEncode("a b/ü~._-!'()*")).toBe("a%20b%2F%C3%BC~._-%21%27%28%29%2A");
  });

  it("sorts by code point like Go, not by UTF-16 unit (characters above U+FFFF last)", () => {
    expect(["\u{1F600}", "\uFF61", "b", "a\u{1F600}", "a\uFF61", "a", ""].sort(compareCodePoints)).toEqual([
      "",
      "a",
      "a\uFF61",
      "a\u{1F600}",
      "b",
      "\uFF61",
      "\u{1F600}",
    ]);
    expect(compareCodePoints("\u{1F600}", "\u{1F601}")).toBeLessThan(0);
  });

  it("formats X-Sdk-Date in UTC without separators", () => {
    expect(formatSdkDate(new Date("2019-11-15T03:36:55.999Z"))).toBe("20191115T033655Z");
  });
});

// The job signer's own HMAC (node:crypto's one-shot hash) and Web Crypto's, against signRequest's node:crypto Hmac.
describe.each([["node:crypto", undefined], ["Web Crypto", webCryptoHashes]] as const)("jobSigner with %s", (_name, hashes) => {
  it("gives exactly the headers signRequest gives for the job GET: any secret key, with and without a security token", async () => {
    const { signRequest, jobSigner } = await import("./signer.js");
    const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/);
    // Keys longer than the HMAC block (64 bytes) are hashed first; non-ASCII keys are used as UTF-8 bytes.
    const secretKey = fc.oneof(fc.string({ minLength: 1, maxLength: 64 }), fc.string({ minLength: 65, maxLength: 200 }), fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }));
    const endpoint = fc.constantFrom("https://ecs.eu-de.otc.t-systems.com", "http://127.0.0.1:8080", "http://127.0.0.1:8080/proxy/a%20b");
    const securityToken = fc.option(fc.string({ minLength: 1 }), { nil: undefined });
    await fc.assert(
      fc.asyncProperty(id, id, secretKey, securityToken, endpoint, async (projectId, jobId, secretKey, securityToken, endpoint) => {
        const url = `${endpoint}/v1/${projectId}/jobs/${jobId}`;
        const credentials = { accessKey: "AK", secretKey, ...(securityToken === undefined ? {} : { securityToken }) };
        const before = formatSdkDate(new Date());
        const fast = await jobSigner(endpoint, credentials, projectId, hashes)(jobId);
        const sent = { Accept: "application/json", "X-Project-Id": projectId, "X-Sdk-Date": fast["X-Sdk-Date"] as string };
        const general = await signRequest({ method: "GET", url, headers: { ...sent, Host: new URL(url).host } }, credentials);
        expect((fast["X-Sdk-Date"] ?? "") >= before).toBe(true);
        expect(fast).toEqual({ ...sent, ...(securityToken === undefined ? {} : { "X-Security-Token": securityToken }), Authorization: general.authorization });
      }),
    );
  });
});
