import { describe, expect, it } from "vitest";
import { endpointFor } from "./endpoint.js";

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
