import { describe, expect, it } from "vitest";
import { MockOptionsError, startMockServer, type MockServerOptions } from "../src/index.js";

describe("startMockServer options", () => {
  it("binds 127.0.0.1 and a free port by default", async () => {
    const mock = await startMockServer();
    try {
      expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(mock.host).toBe("127.0.0.1");
    } finally {
      await mock.close();
      await mock.close();
    }
  });

  it.each([
    [{ port: -1 }, "port"],
    [{ port: 1.5 }, "port"],
    [{ service: "rds" }, "service"],
    [{ accessKey: "AK" }, "accessKey"],
    [{ now: 5 }, "now"],
    [{ host: "" }, "host"],
    [{ timeouts: { headersMs: 0 } }, "timeouts.headersMs"],
    [{ timeouts: { keepAliveMs: 1.5 } }, "timeouts.keepAliveMs"],
    [{ timeouts: { headersMs: 5_000, requestMs: 1_000 } }, "timeouts.requestMs"],
  ])("refuses %j before listening (%s)", async (options, option) => {
    const error = await startMockServer(options as unknown as MockServerOptions).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MockOptionsError);
    expect((error as MockOptionsError).option).toBe(option);
  });
});
