import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generatedSections } from "../src/generate.js";
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
