import { describe, expect, it } from "vitest";
import { catalogue } from "@cloud-jobs/spec/catalogue";
import { loadContract, type OpenApiDocument } from "./generate.js";
import { JOB_PATH, OPERATION_SAMPLES, readSample, referenceSpec } from "./reference-spec.js";
import { documentedJobTypes } from "./sections/job-types.js";

const contract = loadContract();
const services = Object.values(catalogue.services);
const copy = referenceSpec(contract, catalogue);
const isNode = (value: unknown): value is OpenApiDocument => typeof value === "object" && value !== null && !Array.isArray(value);
const showJob = (doc: OpenApiDocument) => doc.paths[JOB_PATH].get;
type Node = OpenApiDocument;

/** The document without what the docs copy may add or change: descriptions, tags and samples. */
function withoutPresentation(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPresentation);
  if (!isNode(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (["description", "x-tags", "x-codeSamples", "x-tagGroups", "tags"].includes(key)) continue;
    out[key] = withoutPresentation(v);
  }
  return out;
}

describe("referenceSpec", () => {
  it("changes presentation only: with descriptions, tags and samples removed, it equals the contract", () => {
    expect(withoutPresentation(copy)).toEqual(withoutPresentation(contract));
  });

  it("keeps the operation's tags and every schema's validation keywords", () => {
    expect(showJob(copy).tags).toEqual(["Jobs"]);
  });

  it("attaches the sample files as x-codeSamples of showJob, in tab order", () => {
    const samples = showJob(copy)["x-codeSamples"] as { label: string; source: string }[];
    expect(samples.map((s) => s.label)).toEqual(OPERATION_SAMPLES.map((s) => s.label));
    expect(samples.map((s) => s.source)).toEqual(OPERATION_SAMPLES.map((s) => readSample(s.file)));
  });

  it("puts every job-type schema under its service's tag, in discriminator order", () => {
    const schemas = (copy.components as { schemas: Record<string, Node> }).schemas;
    for (const svc of services) {
      const jobTypes = documentedJobTypes(svc);
      for (const jt of jobTypes) expect(schemas[jt.schema ?? ""]?.["x-tags"], jt.schema).toEqual([`${svc.label} jobs`]);
      const names = Object.keys(schemas).filter((n) => jobTypes.some((jt) => jt.schema === n));
      expect(names).toEqual(jobTypes.map((jt) => jt.schema));
    }
    for (const [name, schema] of Object.entries(schemas)) expect(schema["x-tags"], name).toHaveLength(1);
  });

  it("turns provenance and disagreements into prose on the schemas they describe", () => {
    const schemas = (copy.components as { schemas: Record<string, Node> }).schemas;
    expect(schemas.EcsCreateServerJob?.description).toContain("**Where it comes from.**");
    expect(schemas.ErrorResponse?.description).toContain("**Sources disagree** (#1, error envelope)");
    // Scalars are inlined into every job: their own descriptions explain already.
    expect(schemas.JobTime?.description).not.toContain("Sources disagree");
  });

  it("does not touch the bundled document it was made from", () => {
    const before = JSON.stringify(loadContract());
    referenceSpec(contract, catalogue);
    expect(JSON.stringify(contract)).toBe(before);
  });
});
