import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildSite } from "../src/build-site.js";
import { findFetchableUrls } from "../src/offline.js";
import { PAGES } from "../src/site-map.js";

const parent = mkdtempSync(join(tmpdir(), "cloud-jobs-build-"));

afterAll(() => rmSync(parent, { recursive: true, force: true }));

describe("buildSite", () => {
  it("replaces the output directory whole: every page and the contract, nothing stale, no staging left", async () => {
    const out = join(parent, "dist");
    mkdirSync(out);
    writeFileSync(join(out, "stale.html"), "old");
    const files = await buildSite({ outDir: out });
    expect(readdirSync(out).sort()).toEqual([...PAGES.map((p) => p.file), "openapi.json", "openapi.yaml"].sort());
    expect(files.map((f) => f.file).sort()).toEqual(readdirSync(out).sort());
    expect(readdirSync(parent)).toEqual(["dist"]);
    expect(existsSync(join(out, "stale.html"))).toBe(false);
  }, 120_000);

  it("writes pages that fetch nothing from another host", () => {
    const out = join(parent, "dist");
    for (const page of PAGES) {
      expect(findFetchableUrls(readFileSync(join(out, page.file), "utf8")), page.file).toEqual([]);
    }
  });
});
