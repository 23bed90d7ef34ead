import { describe, expect, it } from "vitest";
import { apiErrorHint } from "./api-error-hint.js";

const hint = (code: string, status: number | undefined) => apiErrorHint({ code, status }, "http://127.0.0.1:4010");

describe("apiErrorHint", () => {
  it("calls Common.0011 an unknown or expired job, in either spelling", () => {
    expect(hint("Common.0011", 400)).toMatch(/^unknown or expired job/);
    expect(hint("common.0011", 400)).toMatch(/^unknown or expired job/);
  });

  it("points at the credentials for a refused token, whatever the status", () => {
    expect(hint("Common.0013", 400)).toMatch(/OS_AUTH_TOKEN/);
    expect(hint("APIGW.0301", 401)).toMatch(/OS_AUTH_TOKEN/);
    expect(hint("HTTP_401", 401)).toMatch(/OS_ACCESS_KEY/);
  });

  it("names the endpoint when nothing answered", () => {
    expect(hint("NETWORK_ERROR", undefined)).toContain("http://127.0.0.1:4010");
    expect(hint("HTTP_404", 404)).toContain("--endpoint");
  });

  it("says to retry later for throttling and server errors", () => {
    expect(hint("Common.1503", 429)).toMatch(/rate limited/);
    expect(hint("HTTP_502", 502)).toMatch(/try again/);
  });

  it("has no hint for an error it knows nothing about", () => {
    expect(hint("Ecs.0114", 400)).toBeUndefined();
  });
});
