import { describe, expect, it } from "vitest";
import { CDN_REPLACEMENTS, ReferenceBuildError, replaceCdnUrls } from "./reference.js";

describe("replaceCdnUrls", () => {
  it("replaces every CDN URL Redoc would fetch with inline data", () => {
    const out = replaceCdnUrls(Object.keys(CDN_REPLACEMENTS).map((url) => `<img src="${url}">`).join(""));
    expect(out).not.toMatch(/https?:/);
    expect(out).toContain('src="data:image/svg+xml,');
  });

  it("fails when Redoc no longer contains a URL it is meant to replace: what it fetches now must be looked at", () => {
    expect(() => replaceCdnUrls("<html></html>")).toThrow(ReferenceBuildError);
  });
});
