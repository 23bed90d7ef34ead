import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { matchingMembers, openapi, validator } from "./ajv.js";

// The example bodies of the services' API references, copied verbatim beside this test.
const examplesDir = new URL("./reference-examples/", import.meta.url);
const bodies = readdirSync(examplesDir).filter((f) => f.endsWith(".json"));
const serviceOf = { ecs: "EcsJob", bms: "BmsJob", evs: "EvsJob", vbs: "VbsJob" } as const;
const operation = openapi.paths["/v1/{project_id}/jobs/{job_id}"].get;
const allExamples = openapi.components.examples as Record<string, { value: unknown }>;
const resolve = (e: { $ref?: string; value?: unknown }) => (e.$ref ? allExamples[e.$ref.split("/").pop()!]! : (e as { value: unknown }));
const okExamples: Record<string, { value: unknown }> = Object.fromEntries(
  Object.entries(operation.responses["200"].content["application/json"].examples as Record<string, { $ref?: string }>).map(([n, e]) => [n, resolve(e)]),
);

describe("the API references' examples", () => {
  it("finds the eight example bodies", () => expect(bodies).toHaveLength(8));

  it.each(bodies)("%s validates against its service's schema (or ErrorResponse)", (file) => {
    const body = JSON.parse(readFileSync(new URL(file, examplesDir), "utf8"));
    const name = "error" in body ? "ErrorResponse" : serviceOf[file.slice(0, 3) as keyof typeof serviceOf];
    const validate = validator(name);
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each(bodies)("%s is served verbatim by one of the operation's examples", (file) => {
    const body = JSON.parse(readFileSync(new URL(file, examplesDir), "utf8"));
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
