import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { matchingMembers, openapi, validator } from "./ajv.js";

// The seed bodies are vendored beside this test so a clone without ../shared still runs it;
// where ../shared exists (every developer machine and CI), they must still be identical.
const seedsDir = new URL("./seeds/", import.meta.url);
const sharedSeedsDir = new URL("../../../../shared/seeds/examples/", import.meta.url);
const seeds = readdirSync(seedsDir).filter((f) => f.endsWith(".json"));
const serviceOf = { ecs: "EcsJob", bms: "BmsJob", evs: "EvsJob", vbs: "VbsJob" } as const;
const operation = openapi.paths["/v1/{project_id}/jobs/{job_id}"].get;
const allExamples = openapi.components.examples as Record<string, { value: unknown }>;
const resolve = (e: { $ref?: string; value?: unknown }) => (e.$ref ? allExamples[e.$ref.split("/").pop()!]! : (e as { value: unknown }));
const okExamples: Record<string, { value: unknown }> = Object.fromEntries(
  Object.entries(operation.responses["200"].content["application/json"].examples as Record<string, { $ref?: string }>).map(([n, e]) => [n, resolve(e)]),
);

describe("seed examples", () => {
  it("finds the eight seed bodies", () => expect(seeds).toHaveLength(8));

  it.runIf(existsSync(sharedSeedsDir))("keeps the vendored seeds identical to shared/seeds/examples", () => {
    expect(readdirSync(sharedSeedsDir).filter((f) => f.endsWith(".json")).sort()).toEqual([...seeds].sort());
    for (const file of seeds) expect(readFileSync(new URL(file, seedsDir), "utf8")).toBe(readFileSync(new URL(file, sharedSeedsDir), "utf8"));
  });

  it.each(seeds)("%s validates against its service's schema (or ErrorResponse)", (file) => {
    const body = JSON.parse(readFileSync(new URL(file, seedsDir), "utf8"));
    const name = "error" in body ? "ErrorResponse" : serviceOf[file.slice(0, 3) as keyof typeof serviceOf];
    const validate = validator(name);
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each(seeds)("%s is served verbatim by one of the operation's examples", (file) => {
    const body = JSON.parse(readFileSync(new URL(file, seedsDir), "utf8"));
    expect(Object.values(allExamples).some((e) => JSON.stringify(e.value) === JSON.stringify(body))).toBe(true);
  });
});

describe("operation examples", () => {
  it.each(Object.keys(okExamples))("200 example %s validates against Job and its service's schema", (name) => {
    const body = okExamples[name]!.value;
    const service = name.split("_")[0]!;
    expect(validator("Job")(body)).toBe(true);
    const validate = validator(service);
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
  });

  it("covers every status of every service", () => {
    for (const [service, statusSchema] of [["EcsJob", "EcsJobStatus"], ["BmsJob", "BmsJobStatus"], ["EvsJob", "EvsJobStatus"], ["VbsJob", "VbsJobStatus"]] as const) {
      const seen = new Set(Object.entries(okExamples).filter(([n]) => n.startsWith(service + "_")).map(([, e]) => (e.value as { status: string }).status));
      expect([...seen].sort()).toEqual([...openapi.components.schemas[statusSchema].enum].sort());
    }
  });

  const errorResponses = Object.entries(operation.responses).filter(([code]) => code !== "200");
  it.each(errorResponses.map(([code]) => code))("every example of the %s response validates against ErrorResponse", (code) => {
    const ref: string = (operation.responses[code] as { $ref: string }).$ref;
    const response = openapi.components.responses[ref.split("/").pop()!];
    const examples = Object.values(response.content["application/json"].examples) as { $ref: string }[];
    expect(examples.length).toBeGreaterThan(0);
    for (const { $ref } of examples) {
      const body = allExamples[$ref.split("/").pop()!]!.value;
      const validate = validator("ErrorResponse");
      expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it("has an example for each of the three error envelopes", () => {
    const bodies = Object.entries(allExamples).filter(([n]) => n.startsWith("ErrorResponse_")).map(([, e]) => e.value);
    for (const envelope of ["NestedErrorBody", "FlatErrorBody", "GatewayErrorBody"]) {
      expect(bodies.some((b) => validator(envelope)(b)), envelope).toBe(true);
    }
  });
});

describe("schema examples", () => {
  const withExamples = Object.entries(openapi.components.schemas as Record<string, { examples?: unknown[] }>).filter(([, s]) => s.examples);
  it.each(withExamples.map(([n]) => n))("the examples of %s validate against it", (name) => {
    for (const example of withExamples.find(([n]) => n === name)![1].examples!) {
      const validate = validator(name);
      expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it("every job body example matches exactly one member of its service's union", () => {
    for (const [name, e] of Object.entries(okExamples)) {
      expect(matchingMembers(name.split("_")[0]!, e.value), name).toHaveLength(1);
    }
  });
});
