import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CDN_REPLACEMENTS, REDOC_BUNDLE, REFERENCE_SPEC, ReferenceBuildError, replaceCdnUrls, writeReference } from "./reference.js";
import { JOB_PATH } from "./reference-spec.js";

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

describe("writeReference", () => {
  const out = mkdtempSync(join(tmpdir(), "cloud-jobs-reference-"));
  afterAll(() => rmSync(out, { recursive: true, force: true }));
  writeReference(out);
  const html = readFileSync(join(out, "reference.html"), "utf8");

  it("writes every file the page loads beside it, and loads nothing from another host", () => {
    const local = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? "");
    expect(local).toEqual(expect.arrayContaining([REDOC_BUNDLE, REFERENCE_SPEC]));
    for (const file of local.filter((f) => !f.startsWith("./") && !f.endsWith(".html"))) expect(existsSync(join(out, file)), file).toBe(true);
    expect(html).not.toMatch(/(?:src|href)="https?:/);
    for (const url of Object.keys(CDN_REPLACEMENTS)) expect(readFileSync(join(out, REDOC_BUNDLE), "utf8")).not.toContain(url);
  });

  it("hands Redoc the docs copy of the contract, and puts the contract itself beside it for download", () => {
    expect(html).toContain(`Redoc.init(${JSON.stringify(REFERENCE_SPEC)}`);
    const spec = JSON.parse(readFileSync(join(out, REFERENCE_SPEC), "utf8"));
    expect(spec.paths[JOB_PATH].get["x-codeSamples"].length).toBeGreaterThan(0);
    expect(JSON.parse(readFileSync(join(out, "openapi.json"), "utf8")).paths[JOB_PATH].get["x-codeSamples"]).toBeUndefined();
    expect(existsSync(join(out, "openapi.yaml"))).toBe(true);
  });
});
