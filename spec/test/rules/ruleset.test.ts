import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { schemaName } from "../../catalogue/document.js";
import { jobModel } from "../../catalogue/read-catalogue.js";
import { loadRuleset, RULESET_PATH } from "./lint.js";

const run = promisify(execFile);
const SPECTRAL = new URL("../../node_modules/.bin/spectral", import.meta.url).pathname;
const BUNDLE = new URL("../../dist/openapi.json", import.meta.url);
const definition = parse(readFileSync(RULESET_PATH, "utf8")) as { rules: Record<string, { description: string; severity: string }> };
const ownRules = Object.keys(definition.rules);

// A job union whose only job type lacks the common fields: of our rules,
// it fails cloud-jobs-job-common-fields only.
const BROKEN = `openapi: 3.1.0
info: {title: Jobs, version: "1"}
paths: {}
components:
  schemas:
    AcmeKnownJob:
      oneOf: [{$ref: '#/components/schemas/AcmeCreateThingJob'}]
      discriminator: {propertyName: job_type, mapping: {createThing: '#/components/schemas/AcmeCreateThingJob'}}
    AcmeCreateThingJob:
      properties: {job_type: {const: createThing}}
      examples: [{job_type: createThing}]
`;

const scratch = mkdtempSync(join(tmpdir(), "cloud-jobs-ruleset-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs the Spectral CLI; resolves with its exit code and output instead of throwing on findings. */
async function spectral(args: string[], cwd: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await run(SPECTRAL, ["lint", "--format", "text", ...args], { cwd });
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, output: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
  }
}

describe("the cloud-jobs ruleset", () => {
  it("has at least six rules of its own, each prefixed, saying MUST or SHOULD, with its own test file", () => {
    expect(ownRules.length).toBeGreaterThanOrEqual(6);
    for (const name of ownRules) {
      expect(name).toMatch(/^cloud-jobs-[a-z-]+$/);
      expect(definition.rules[name]?.description).toMatch(/\b(MUST|SHOULD)\b/);
      expect(existsSync(new URL(`./${name}.test.ts`, import.meta.url)), `test/rules/${name}.test.ts`).toBe(true);
    }
  });

  it("loads programmatically with spectral:oas recommended and every own rule enabled", async () => {
    const ruleset = await loadRuleset();
    const enabled = Object.values(ruleset.rules).filter((rule) => rule.enabled).map((rule) => rule.name);
    expect(enabled).toEqual(expect.arrayContaining([...ownRules, "operation-operationId", "oas3-schema"]));
  });

  it("loads in the Spectral CLI and fails the run on a finding", async () => {
    const file = join(scratch, "broken.yaml");
    writeFileSync(file, BROKEN);
    const { code, output } = await spectral([file, "--ruleset", RULESET_PATH], scratch);
    expect(code).toBe(1);
    expect(output).toContain("cloud-jobs-job-common-fields");
    expect(output).toContain("Job schema AcmeCreateThingJob MUST require job_id, job_type, status.");
  });

  it("works for another team that extends it from their own ruleset", async () => {
    writeFileSync(join(scratch, ".spectral.yaml"), `extends: ["${RULESET_PATH}"]\nrules:\n  cloud-jobs-job-common-fields: warn\n`);
    writeFileSync(join(scratch, "their-api.yaml"), BROKEN);
    const { code, output } = await spectral(["their-api.yaml"], scratch);
    expect(code).toBe(0); // their override made it a warning; the default fail severity is error
    expect(output).toContain(`their-api.yaml:9:24 warning cloud-jobs-job-common-fields "Job schema AcmeCreateThingJob MUST declare`);
  });

  it("lets another team reuse a rule function with their own options (their extension list)", async () => {
    const dir = mkdtempSync(join(scratch, "reuse-"));
    const functionsDir = relative(dir, join(dirname(RULESET_PATH), "functions"));
    writeFileSync(
      join(dir, ".spectral.yaml"),
      [
        `functionsDir: ${functionsDir}`,
        "functions: [extensions-documented]",
        "rules:",
        "  acme-extensions-documented:",
        "    description: Every x-acme-* extension MUST be documented.",
        '    message: "{{error}}"',
        "    severity: error",
        "    given: $",
        "    resolved: false",
        "    then:",
        "      function: extensions-documented",
        "      functionOptions: {prefix: x-acme-, where: docs/extensions.md, documented: [x-acme-region]}",
        "",
      ].join("\n"),
    );
    writeFileSync(join(dir, "their-api.yaml"), "openapi: 3.1.0\ninfo: {title: Acme, version: '1', x-acme-region: eu, x-acme-team: jobs}\npaths: {}\n");
    const { code, output } = await spectral(["their-api.yaml"], dir);
    expect(code).toBe(1);
    expect(output).toContain(`their-api.yaml:2:67 error acme-extensions-documented "Extension x-acme-team MUST be documented in docs/extensions.md."`);
    expect(output).not.toContain("x-acme-region MUST");
  });

  it("recognises the job unions of our own bundled contract, so a clean lint is not vacuous", () => {
    expect(existsSync(BUNDLE), "spec/dist/openapi.json is missing: run pnpm --filter @cloud-jobs/spec build").toBe(true);
    const model = jobModel(JSON.parse(readFileSync(BUNDLE, "utf8")));
    expect(model.serviceUnions.map(({ path }) => schemaName(path)).sort()).toEqual(["BmsJob", "EcsJob", "EvsJob", "VbsJob"]);
    expect(model.unknownMembers).toHaveLength(4);
    expect(model.jobSchemas.length).toBeGreaterThan(model.unknownMembers.length);
  });
});
