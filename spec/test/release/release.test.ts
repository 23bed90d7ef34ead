import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { diffContracts } from "../../bin/contract-diff.js";

const spec = new URL("../../", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, spec), "utf8");
const working = JSON.parse(read("dist/openapi.json"));
const version = JSON.parse(read("package.json")).version as string;
const parse = (v: string) => v.split(".").map(Number) as [number, number, number];
const compare = (a: string, b: string) => { const [x, y] = [parse(a), parse(b)]; return x[0] - y[0] || x[1] - y[1] || x[2] - y[2]; };
const released = readdirSync(new URL("released/", spec)).map((f) => f.replace(/\.json$/, "")).sort(compare);
const last = released.at(-1)!;

/**
 * Whether `next` may break consumers of `previous`: its major version goes up; before 1.0.0 the minor one does, since
 * caret ranges (`^0.1.0`) treat it as the major version.
 */
export const allowsBreaking = (previous: string, next: string) => {
  const [p, n] = [parse(previous), parse(next)];
  return n[0] > p[0] || (n[0] === 0 && p[0] === 0 && n[1] > p[1]);
};

describe("releases", () => {
  it("keeps the last released contract, at or below the working version", () => {
    expect(last).toMatch(/^\d+\.\d+\.\d+$/);
    expect(compare(last, version)).toBeLessThanOrEqual(0);
  });

  it("breaks no consumer of the last release unless the major version goes up", () => {
    const changes = diffContracts(JSON.parse(read(`released/${last}.json`)), working);
    if (changes.length > 0) expect(allowsBreaking(last, version), JSON.stringify(changes, null, 1)).toBe(true);
  });

  it("lists every breaking change since the last release in the CHANGELOG entry of this version", () => {
    const changes = diffContracts(JSON.parse(read(`released/${last}.json`)), working);
    if (version === last) return expect(changes).toEqual([]);
    const entry = read("CHANGELOG.md").split(/^## /m).find((section) => section.startsWith(`${version}\n`));
    expect(entry, `CHANGELOG.md has no "## ${version}"`).toBeDefined();
    for (const { pointer } of changes) expect(entry, pointer).toContain(`\`${pointer}\``);
  });

  it("keeps info.version and every published package's version in step", () => {
    expect(working.info.version).toBe(version);
    const root = new URL("../", spec);
    const manifests = ["spec", ...readdirSync(new URL("packages/", root)).map((name) => `packages/${name}`)]
      .map((dir) => { try { return JSON.parse(readFileSync(new URL(`${dir}/package.json`, root), "utf8")); } catch { return null; } })
      .filter((m) => m !== null && m.private !== true);
    expect(manifests.length).toBeGreaterThanOrEqual(6);
    for (const m of manifests) expect(`${m.name}@${m.version}`).toBe(`${m.name}@${version}`);
  });

  it("allows a breaking change only with a new major version (the minor one before 1.0.0)", () => {
    expect([allowsBreaking("0.1.0", "0.2.0"), allowsBreaking("0.1.0", "0.1.1"), allowsBreaking("1.2.0", "1.3.0"), allowsBreaking("1.2.0", "2.0.0")]).toEqual([true, false, false, true]);
  });
});
