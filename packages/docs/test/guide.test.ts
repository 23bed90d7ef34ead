import { existsSync, readdirSync, readFileSync } from "node:fs";
import { catalogue } from "@cloud-jobs/spec/catalogue";
import { describe, expect, it } from "vitest";
import { generatedSections, loadContract } from "../src/generate.js";
import { documentedJobTypes } from "../src/sections/job-types.js";
import { PAGES } from "../src/site-map.js";

const GUIDE = new URL("../guide/", import.meta.url);
const pages = readdirSync(GUIDE).filter((f) => f.endsWith(".md"));
const source = (file: string) => readFileSync(new URL(file, GUIDE), "utf8");
const sections = await generatedSections();

// VitePress leaves an include or a snippet that names a missing file as it is, silently: these tests do not.
describe("the guide's sources", () => {
  it("has a page for every sidebar entry, and an entry for every page", () => {
    expect(pages.sort()).toEqual(["index.md", ...PAGES.map((p) => p.file.replace(/\.html$/, ".md"))].sort());
  });

  it("includes only sections that the contract generates, and every one of them somewhere", () => {
    const included = pages.flatMap((f) => [...source(f).matchAll(/<!--@include: \.\/generated\/([\w-]+)\.md-->/g)].map((m) => m[1]));
    expect(included.filter((name) => !sections.has(name ?? ""))).toEqual([]);
    expect(new Set(included)).toEqual(new Set(sections.keys()));
  });

  it("shows only sample files that exist (they are type-checked against the client)", () => {
    const samples = pages.flatMap((f) => [...source(f).matchAll(/^<<< @\/\.\.\/samples\/(\S+)/gm)].map((m) => m[1] ?? ""));
    expect(samples.length).toBeGreaterThan(5);
    for (const file of samples) expect(existsSync(new URL(`../samples/${file}`, import.meta.url)), file).toBe(true);
  });

  it("writes markdown that VitePress can compile: no raw '<' or '{{' outside code in the contract's text", () => {
    for (const [name, markdown] of sections) {
      const prose = markdown.replace(/```[\s\S]*?```/g, "").replace(/`[^`\n]*`/g, "");
      expect(prose.match(/\{\{|<(?!br>|Badge |span id=|\/span>)[A-Za-z]/g), name).toBeNull();
    }
  });
});

describe("what the guide reads from the catalogue", () => {
  const doc = loadContract();

  it("lists for each service exactly the job types of its discriminator mapping, each with its schema", () => {
    for (const svc of Object.values(catalogue.services)) {
      const mapping = doc.components.schemas[svc.knownSchema].discriminator.mapping as Record<string, string>;
      expect(documentedJobTypes(svc).map((jt) => jt.jobType), svc.label).toEqual(Object.keys(mapping));
      expect(documentedJobTypes(svc).map((jt) => `#/components/schemas/${jt.schema}`), svc.label).toEqual(Object.values(mapping));
    }
  });

  it("marks SUCCESS and FAIL, and only them, as terminal, and says which cloud documents each status", () => {
    for (const svc of Object.values(catalogue.services)) expect(svc.terminalStatuses, svc.label).toEqual(["SUCCESS", "FAIL"]);
    expect(catalogue.services.evs.statusClouds.LISTENING).toEqual(["huaweicloud"]);
    expect(catalogue.services.evs.statusClouds.RUNNING).toEqual(["otc", "huaweicloud"]);
  });
});
