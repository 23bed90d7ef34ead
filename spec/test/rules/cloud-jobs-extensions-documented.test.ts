import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { findings, jobPath, openapi, RULESET_PATH } from "./lint.js";

const RULE = "cloud-jobs-extensions-documented";
const EXTENSIONS_MD = new URL("../../extensions.md", import.meta.url);

const PATHS = jobPath("AcmeJob", {
  examples: `                running:
                  x-cloud-jobs-source: seed 001
                  value: {job_type: createThing, x-cloud-jobs-not-an-extension: data in an example body}`,
});
const document = (extensions: string) => openapi(`    AcmeJob:
      type: object
${extensions}`, { paths: PATHS });

/** Extension names documented in a markdown file: level-2 headings or a table's first column. */
function documentedIn(markdown: string): string[] {
  const names = new Set<string>();
  for (const line of markdown.split("\n")) {
    const heading = /^##\s+`?(x-[\w-]+)`?\s*$/.exec(line);
    const cell = /^\|\s*`?(x-[\w-]+)`?\s*\|/.exec(line);
    const name = heading?.[1] ?? cell?.[1];
    if (name !== undefined) names.add(name);
  }
  return [...names].sort();
}

describe(RULE, () => {
  it("reports nothing when every x-cloud-jobs-* key is documented (example bodies are data, not extensions)", async () => {
    const doc = document("      x-cloud-jobs-unknown-job-type: true\n      x-other-vendor-thing: not ours");
    expect(await findings(RULE, doc)).toEqual([]);
  });

  it("reports an undocumented extension wherever it is used", async () => {
    const doc = document("      x-cloud-jobs-unknown-job-type: true\n      x-cloud-jobs-shiny: true\n      properties:\n        status: {type: string, x-cloud-jobs-colour: green}")
      .replace("x-cloud-jobs-source: seed 001", "x-cloud-jobs-origin: seed 001");
    expect(await findings(RULE, doc)).toEqual([
      {
        path: ["components", "schemas", "AcmeJob", "properties", "status", "x-cloud-jobs-colour"],
        message: "Extension x-cloud-jobs-colour MUST be documented in extensions.md of @cloud-jobs/spec.",
      },
      {
        path: ["components", "schemas", "AcmeJob", "x-cloud-jobs-shiny"],
        message: "Extension x-cloud-jobs-shiny MUST be documented in extensions.md of @cloud-jobs/spec.",
      },
      {
        path: ["paths", "/jobs/{job_id}", "get", "responses", "200", "content", "application/json", "examples", "running", "x-cloud-jobs-origin"],
        message: "Extension x-cloud-jobs-origin MUST be documented in extensions.md of @cloud-jobs/spec.",
      },
    ]);
  });

  it("lists in the ruleset exactly the extensions spec/extensions.md documents", () => {
    const ruleset = parse(readFileSync(RULESET_PATH, "utf8"));
    const listed: string[] = ruleset.rules[RULE].then.functionOptions.documented;
    const documented = documentedIn(readFileSync(EXTENSIONS_MD, "utf8"));
    expect(documented.length).toBeGreaterThan(0);
    expect([...listed].sort()).toEqual(documented);
  });

  it("reads extension names from headings and from a table's first column", () => {
    const markdown = "# Ext\n## x-acme-one\ntext | not a row\n| name | meaning |\n|---|---|\n| `x-acme-two` | two |\n## `x-acme-three`\n";
    expect(documentedIn(markdown)).toEqual(["x-acme-one", "x-acme-three", "x-acme-two"]);
  });
});
