import { describe, expect, it } from "vitest";
import { assertJobId, assertProjectId, endpointFor, isSafeId } from "./options.js";

describe("endpointFor", () => {
  it("builds Open Telekom Cloud hosts, the Swiss region on sc.otc.t-systems.com", () => {
    expect(endpointFor({ service: "evs", region: "eu-nl" })).toBe("https://evs.eu-nl.otc.t-systems.com");
    expect(endpointFor({ service: "ecs", region: "eu-ch2", cloud: "otc" })).toBe("https://ecs.eu-ch2.sc.otc.t-systems.com");
  });

  it("builds Huawei Cloud hosts", () => {
    expect(endpointFor({ service: "bms", region: "cn-north-4", cloud: "huaweicloud" })).toBe(
      "https://bms.cn-north-4.myhuaweicloud.com",
    );
  });

  it("uses a given endpoint as is, without a trailing slash, and wins over region", () => {
    expect(endpointFor({ service: "vbs", region: "eu-de", endpoint: "http://127.0.0.1:4010/" })).toBe("http://127.0.0.1:4010");
    expect(endpointFor({ service: "vbs", endpoint: new URL("https://proxy.example/vbs/") })).toBe("https://proxy.example/vbs");
  });

  it.each([
    [{ service: "ecs" as const }, "region"],
    [{ service: "ecs" as const, region: "eu-de.evil.com/" }, "region"],
    [{ service: "ecs" as const, region: "eu-de", cloud: "aws" as never }, "cloud"],
    [{ service: "ecs" as const, endpoint: "ftp://x" }, "endpoint"],
    [{ service: "ecs" as const, endpoint: "not a url" }, "endpoint"],
    [{ service: "ecs" as const, endpoint: "https://user:pw@host" }, "endpoint"],
    [{ service: "ecs" as const, endpoint: "https://host/?q=1" }, "endpoint"],
  ])("rejects %j with InvalidArgumentError(%s)", (options, argument) => {
    expect(() => endpointFor(options)).toThrowError(expect.objectContaining({ name: "InvalidArgumentError", argument }));
  });
});

describe("assertJobId", () => {
  it("accepts 32-hex ids and hyphenated UUIDs", () => {
    expect(() => assertJobId("ff80808288d41e1b018990260955686a")).not.toThrow();
    expect(() => assertJobId("70a599e0-31e7-49b7-b260-868f441e862b")).not.toThrow();
  });

  it.each([
    ["../secrets", "path separator or dot segment"],
    ["..", "path separator or dot segment"],
    ["a/b", "path separator or dot segment"],
    ["abc?x=1", '"?" or "#"'],
    ["abc#frag", '"?" or "#"'],
    ["abc%2Fdef", "percent-encoded"],
    ["abc def", "whitespace"],
    ["abc\n", "whitespace"],
    ["", "must not be empty"],
    ["a".repeat(65), "at most 64 characters"],
    ["abc;def", 'must only contain letters, digits, "-" and "_"'],
  ])("rejects %j with a clear reason", (value, reason) => {
    expect(() => assertJobId(value)).toThrowError(expect.objectContaining({ name: "InvalidArgumentError", argument: "jobId", code: "INVALID_ARGUMENT" }));
    expect(() => assertJobId(value)).toThrow(reason);
  });

  it("rejects non-strings from untyped callers", () => {
    expect(() => assertJobId(42)).toThrow("must be a string, got number");
    expect(() => assertJobId(null)).toThrow("got null");
  });
});

describe("assertProjectId", () => {
  it("names the argument projectId", () => {
    expect(() => assertProjectId("..")).toThrowError(expect.objectContaining({ argument: "projectId" }));
    expect(isSafeId("0605768a6f80d5762f52c0150e726aa7")).toBe(true);
  });
});
